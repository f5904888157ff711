package com.acme.inventory.platform.eventstore;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, told when another process has committed events: its tailing reader then
 * reads at once instead of at its next poll. Axon wakes it only for events this store appended itself.
 */
public final class WakeableEventStore extends EmbeddedEventStore {

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    public void wake() {
        afterCommit(List.of());
    }
}

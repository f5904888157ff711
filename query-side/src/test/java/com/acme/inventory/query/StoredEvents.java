package com.acme.inventory.query;

import com.acme.inventory.api.InventoryEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Appends a product's events straight to the event store, as the command side would. */
public final class StoredEvents {

    private final EventStore eventStore;
    private final String productId;
    private final AtomicLong nextSequence = new AtomicLong();

    public StoredEvents(EventStore eventStore, String productId) {
        this(eventStore, productId, 0);
    }

    /** Continues a product that already has {@code version} events. */
    public StoredEvents(EventStore eventStore, String productId, long version) {
        this.eventStore = eventStore;
        this.productId = productId;
        this.nextSequence.set(version);
    }

    public StoredEvents append(InventoryEvent... events) {
        for (InventoryEvent event : events) {
            eventStore.publish(new GenericDomainEventMessage<>(
                    "ProductInventory", productId, nextSequence.getAndIncrement(), event));
        }
        return this;
    }

    public long version() {
        return nextSequence.get();
    }
}

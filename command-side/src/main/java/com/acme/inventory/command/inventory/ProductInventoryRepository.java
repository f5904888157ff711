package com.acme.inventory.command.inventory;

import java.util.Objects;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregate cache, made safe for several command-side instances on one database: a cached
 * product is used only while its version is still the newest in the event store (one indexed
 * lookup), else it is reloaded from the latest snapshot and the events after it. Without the check
 * another instance's writes would be invisible until a conflict, and a stale cache could reject a
 * sale that the real stock allows.
 */
public class ProductInventoryRepository extends CachingEventSourcingRepository<ProductInventory> {

    private final EventStore eventStore;
    private final Cache cache;

    public ProductInventoryRepository(EventSourcingRepository.Builder<ProductInventory> builder, EventStore eventStore,
                                      Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<ProductInventory> doLoadWithLock(String productId, Long expectedVersion) {
        boolean cached = cache.containsKey(productId);
        EventSourcedAggregate<ProductInventory> aggregate = super.doLoadWithLock(productId, expectedVersion);
        if (!cached) {
            return aggregate;
        }
        Long newest = eventStore.lastSequenceNumberFor(productId).orElse(null);
        if (Objects.equals(aggregate.version(), newest)) {
            return aggregate;
        }
        cache.remove(productId);
        return super.doLoadWithLock(productId, expectedVersion);
    }
}

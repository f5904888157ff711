package com.acme.inventory.command.infrastructure;

import com.acme.inventory.command.inventory.ProductInventory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The aggregate cache, made safe for several command-side instances on one database. A cached product
 * is stale when another instance has written to it since. A command that appends finds out at no cost:
 * its first event takes the next sequence number, the store's unique key refuses it, and the conflict
 * is retried from fresh state (Axon drops a product from the cache whenever its unit of work rolls
 * back). A command that ends without appending (a rejection, a repeated order) has no such check, so
 * {@link CachedProductCheck} asks for {@link #confirmUnchangedCachedProducts} before it answers: one
 * indexed look at the store's newest version, only on those paths. Without it a stale cache could
 * reject a sale that the real stock allows.
 */
public class ProductInventoryRepository extends CachingEventSourcingRepository<ProductInventory> {

    private static final String CACHED_LOADS = ProductInventoryRepository.class.getName() + ".cachedLoads";

    private final EventStore eventStore;
    private final Cache cache;

    public ProductInventoryRepository(
            EventSourcingRepository.Builder<ProductInventory> builder, EventStore eventStore, Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<ProductInventory> doLoadWithLock(String productId, Long expectedVersion) {
        boolean cached = cache.containsKey(productId);
        EventSourcedAggregate<ProductInventory> aggregate = super.doLoadWithLock(productId, expectedVersion);
        if (cached && CurrentUnitOfWork.isStarted()) {
            Map<String, CachedLoad> loads =
                    CurrentUnitOfWork.get().getOrComputeResource(CACHED_LOADS, key -> new HashMap<>());
            loads.put(productId, new CachedLoad(aggregate, aggregate.version()));
        }
        return aggregate;
    }

    /**
     * Throws a {@link ConcurrencyException} (retried from fresh state; the rollback evicts the product)
     * when a product this unit of work took from the cache and did not change is no longer the newest
     * version in the store.
     */
    public void confirmUnchangedCachedProducts(UnitOfWork<?> unitOfWork) {
        Map<String, CachedLoad> loads = unitOfWork.getResource(CACHED_LOADS);
        if (loads == null) {
            return;
        }
        loads.forEach((productId, load) -> {
            if (Objects.equals(load.aggregate().version(), load.version())) {
                Long newest = eventStore.lastSequenceNumberFor(productId).orElse(null);
                if (!Objects.equals(newest, load.version())) {
                    throw new ConcurrencyException("Product '" + productId + "' changed after it was cached (version "
                            + load.version() + ", store " + newest + ")");
                }
            }
        });
    }

    private record CachedLoad(EventSourcedAggregate<ProductInventory> aggregate, Long version) {}
}

package com.acme.inventory.command.infrastructure;

import com.acme.inventory.command.inventory.ProductInventory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** How products are loaded and kept: the event-sourcing repository, its cache, and its snapshots. */
@Configuration(proxyBeanMethods = false)
class AggregatePersistenceConfiguration {

    private static final String PRODUCT_CACHE = "product-inventory";

    /**
     * The products used most recently stay in memory, up to a bound; the repository checks each against
     * the store's head. Strong references: a weak-reference cache lost nearly every product at each
     * young collection under load over 10,000 products, so most sales re-read a snapshot and events.
     */
    @Bean(destroyMethod = "close")
    CacheManager productInventoryCacheManager(@Value("${inventory.command.cached-products:20000}") long products) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(
                        PRODUCT_CACHE,
                        CacheConfigurationBuilder.newCacheConfigurationBuilder(
                                Object.class, Object.class, ResourcePoolsBuilder.heap(products)))
                .build(true);
    }

    @Bean
    Cache productInventoryCache(CacheManager productInventoryCacheManager) {
        return new EhCache3Adapter(
                (Ehcache<?, ?>) productInventoryCacheManager.getCache(PRODUCT_CACHE, Object.class, Object.class));
    }

    /** Snapshots are written by a background thread, never on the thread that answers the order service. */
    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter(PlatformTransactionManager transactionManager) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("snapshotter-");
        executor.initialize();
        SpringAggregateSnapshotterFactoryBean factory = new SpringAggregateSnapshotterFactoryBean();
        factory.setExecutor(executor);
        factory.setTransactionManager(transactionManager);
        return factory;
    }

    @Bean
    SnapshotTriggerDefinition productInventorySnapshotTrigger(
            Snapshotter snapshotter, @Value("${inventory.command.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    ProductInventoryRepository productInventoryRepository(
            EventStore eventStore,
            Cache productInventoryCache,
            SnapshotTriggerDefinition productInventorySnapshotTrigger,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition) {
        return new ProductInventoryRepository(
                EventSourcingRepository.builder(ProductInventory.class)
                        .snapshotTriggerDefinition(productInventorySnapshotTrigger)
                        .parameterResolverFactory(parameterResolverFactory)
                        .handlerDefinition(handlerDefinition),
                eventStore,
                productInventoryCache);
    }

    /** Registered on the command bus like every command handler interceptor bean. */
    @Bean
    CachedProductCheck cachedProductCheck(ProductInventoryRepository productInventoryRepository) {
        return new CachedProductCheck(productInventoryRepository);
    }
}

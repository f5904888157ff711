package com.acme.inventory.query.stockcache;

import com.acme.inventory.platform.database.DatabaseAvailability;
import com.acme.inventory.platform.eventstore.CommitWatch;
import com.acme.inventory.query.projection.ProjectionPositions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The stock reads of {@code inventory.query.stock-reads}: from memory (the default) or from the table. */
@Configuration(proxyBeanMethods = false)
class StockReadsConfiguration {

    static final String SETTING = "inventory.query.stock-reads";

    /** Readiness waits for the reads: for the view to be loaded in memory mode. */
    @Bean
    HealthIndicator stockReads(StockReads reads) {
        return () -> reads.ready()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "the stock view is loading")
                        .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = SETTING, havingValue = "memory", matchIfMissing = true)
    static class FromMemory {

        @Bean
        StockView stockView() {
            return new StockView();
        }

        /** {@code inventory.query.keep-json: false} for a catalogue whose read products' JSON would not fit. */
        @Bean
        ProductJson productJson(
                StockView view, ObjectMapper mapper, @Value("${inventory.query.keep-json:true}") boolean keep) {
            return keep ? ProductJson.keptIn(view, mapper) : ProductJson.writtenEachTime(mapper);
        }

        @Bean
        StockViewLoader stockViewLoader(
                StockView view, JdbcTemplate jdbc, Serializer serializer, PlatformTransactionManager transactions) {
            return new StockViewLoader(view, jdbc, serializer, transactions);
        }

        @Bean
        StockViewProjection stockViewProjection(StockView view, StockCacheCommits waits) {
            return new StockViewProjection(view, waits);
        }

        /**
         * This instance's own processor for the view: its token in memory (every instance reads every event),
         * no transaction (it writes no rows), started by the loader where the table left off.
         */
        @Bean
        ConfigurerModule stockViewProcessor(StockViewLoader loader) {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessor(
                            StockViewProjection.NAME,
                            org.axonframework.config.Configuration::eventStore,
                            configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(1000)
                                    .andInitialTrackingToken(source -> loader.load()))
                    .registerTokenStore(StockViewProjection.NAME, configuration -> new InMemoryTokenStore())
                    .registerTransactionManager(
                            StockViewProjection.NAME, configuration -> NoTransactionManager.INSTANCE));
        }

        @Bean
        StockReads memoryStockReads(
                StockView view,
                StockCacheCommits waits,
                CommitWatch commits,
                ProjectionPositions positions,
                DatabaseAvailability database,
                @Value("${inventory.query.consistency-wait:2s}") Duration maxWait) {
            return new MemoryStockReads(view, waits, commits, positions, database, maxWait);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = SETTING, havingValue = "table")
    static class FromTable {

        @Bean
        ProductJson productJson(ObjectMapper mapper) {
            return ProductJson.writtenEachTime(mapper);
        }

        @Bean
        StockReads tableStockReads(
                StockReader reader,
                StockCacheCommits waits,
                ProjectionPositions positions,
                @Value("${inventory.query.consistency-wait:2s}") Duration maxWait) {
            return new FreshnessGuard(reader, waits, positions, maxWait);
        }
    }
}

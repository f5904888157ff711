package com.acme.inventory.query.projection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The table projections' processors. Tracking processors: a tracking thread blocks on the event stream
 * and wakes as soon as the store has read new events (a pooled processor re-polls an idle stream only
 * every 500 ms, which put half a second between a sale and the catalogue). An idle segment renews its
 * claim at half the claim timeout (Axon's default, every second, was three statements a second on an
 * idle side).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ProjectionProcessorConfiguration {

    /** Events per transaction at most: fewer commits and round trips during catch-up and replay. */
    private static final int BATCH_SIZE = 1000;

    @Bean
    ConfigurerModule projectionProcessors(
            @Value("${inventory.query.token-claim-timeout:15s}") Duration claimTimeout,
            @Value("${inventory.query.stock-cache-threads:2}") int stockCacheThreads) {
        long renewEvery = claimTimeout.toMillis() / 2;
        return configurer -> configurer.eventProcessing(processing -> processing
                // two segments (products split by id), a thread each: a single thread spent half of a replay
                // waiting for its own MERGE, so the database and the JVM took turns; two overlap those waits
                // (replay of 1,000,000 events: 28,000 -> 43,000 events/s). Instances split the segments (an
                // instance with one thread leaves the other segment to another instance).
                .registerTrackingEventProcessor(
                        Projections.STOCK_CACHE,
                        Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(stockCacheThreads)
                                .andInitialSegmentsCount(2)
                                .andBatchSize(BATCH_SIZE)
                                .andEventAvailabilityTimeout(renewEvery, TimeUnit.MILLISECONDS))
                // one segment: history is not on the read path that replays must restore quickly
                .registerTrackingEventProcessor(
                        Projections.EVENT_LOG,
                        Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andEventAvailabilityTimeout(renewEvery, TimeUnit.MILLISECONDS)));
    }
}

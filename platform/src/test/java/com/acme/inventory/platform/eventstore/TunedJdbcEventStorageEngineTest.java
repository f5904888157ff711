package com.acme.inventory.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.acme.inventory.api.StockRestockedEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The storage engine's reads, on an in-memory H2 event store made by the service's own migrations. */
class TunedJdbcEventStorageEngineTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private long sequence;

    TunedJdbcEventStorageEngineTest() {
        dataSource.setURL("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
    }

    @Test
    void aCaughtUpReaderReadsTheStoreAtMostOncePerFetchDelay() {
        EventStorageEngine engine = engine(Duration.ofMillis(400), 100);
        append(engine, 2);
        long start = System.nanoTime();

        List<? extends TrackedEventMessage<?>> first =
                engine.readEvents(null, true).toList();
        append(engine, 1);
        List<? extends TrackedEventMessage<?>> second =
                engine.readEvents(lastToken(first), true).toList();

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aReadOfOneEventLetsTheNextReadStartAtOnce() {
        EventStorageEngine engine = engine(Duration.ofMinutes(1), 100);
        append(engine, 1);
        List<? extends TrackedEventMessage<?>> first =
                engine.readEvents(null, true).toList();
        append(engine, 1);

        List<? extends TrackedEventMessage<?>> second = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> engine.readEvents(lastToken(first), true).toList());

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
    }

    @Test
    void aCaughtUpReadEndsAfterAReadThatIsNotAFullBatch() {
        EventStorageEngine engine = engine(Duration.ofMillis(1), 100);
        append(engine, 1);
        Iterator<? extends TrackedEventMessage<?>> read =
                engine.readEvents(null, true).iterator();
        read.next();

        append(engine, 1);

        // the next read is the store's to schedule: Axon's own stream would read again here and find it
        assertThat(read.hasNext()).isFalse();
    }

    @Test
    void aReaderFurtherBehindThanABatchReadsOnToTheEnd() {
        EventStorageEngine engine = engine(Duration.ofMinutes(1), 2);
        append(engine, 1);
        TrackingToken first = lastToken(engine.readEvents(null, false).toList());
        append(engine, 4);

        List<? extends TrackedEventMessage<?>> read =
                engine.readEvents(first, true).toList();

        assertThat(read)
                .extracting(event -> ((StockRestockedEvent) event.getPayload()).quantity())
                .containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void readsThatMayNotBlockAreNotPaced() {
        EventStorageEngine engine = engine(Duration.ofMinutes(1), 100);
        append(engine, 2);
        engine.readEvents(null, true).toList();

        List<? extends TrackedEventMessage<?>> read = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> engine.readEvents(null, false).toList());

        assertThat(read).hasSize(2);
    }

    private EventStorageEngine engine(Duration fetchDelay, int batchSize) {
        EventStoreConfiguration configuration = new EventStoreConfiguration();
        return configuration.eventStorageEngine(
                configuration.serializer(),
                configuration.eventSerializer(),
                configuration.persistenceExceptionResolver(),
                new DataSourceConnectionProvider(dataSource),
                NoTransactionManager.INSTANCE,
                configuration.eventSchema(),
                new EventStoreConfiguration.EventStoreProperties(
                        fetchDelay, Duration.ofSeconds(5), batchSize, Duration.ofSeconds(60)),
                new CommitWatch());
    }

    private void append(EventStorageEngine engine, int events) {
        for (int i = 0; i < events; i++) {
            sequence++;
            engine.appendEvents(new GenericDomainEventMessage<>(
                    "ProductInventory",
                    "p-1",
                    sequence - 1,
                    new StockRestockedEvent("p-1", "v", sequence, 10 + sequence, null, "test")));
        }
    }

    private static TrackingToken lastToken(List<? extends TrackedEventMessage<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }
}

package com.acme.inventory.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine with these changes, each measured:
 * <ul>
 * <li>Each event read from the store parses its timestamp text once and quickly
 * ({@link StoredTimestamps}) instead of through a {@code DateTimeFormatter} each time something asks
 * for it. That includes the gap bookkeeping of a tracked read: it follows Axon 4.13's
 * {@code getTrackedEventData} line for line, with the gap settings this class applies to the builder,
 * because Axon's own parse there was 10% of the query side's samples while tailing the store.</li>
 * <li>The embedded store's tailing read (the one that may block) reads at most once per interval
 * ({@link TailingReadPace}; at once after a read of at most one event) and ends after one read that is
 * not a full batch, instead of reading until a read comes back empty. Under S1's sales the query side
 * read ~380 times a second, a few events each, and each of its processors committed a transaction per
 * read. Axon reads a range of
 * global indexes, so gaps (rolled-back appends) can also cut a read short while the store holds more:
 * the stream then resumes one interval later, which only slows a tailing reader more than a batch
 * behind (a processor further behind than Axon's read-ahead cache reads its own, unpaced stream). A read
 * that returned all there was tells the {@link CommitWatch} which announced commits it covered.</li>
 * </ul>
 */
class TunedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set explicitly because the tracked read below needs them. */
    static final int MAX_GAP_OFFSET = 10_000;

    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final Duration gapTimeout;
    private final TailingReadPace tailingReads;
    private final CommitWatch commits;

    TunedJdbcEventStorageEngine(
            JdbcEventStorageEngine.Builder builder,
            Duration gapTimeout,
            Duration tailingInterval,
            CommitWatch commits) {
        super(builder.gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE));
        this.gapTimeout = gapTimeout;
        this.tailingReads = new TailingReadPace(tailingInterval);
        this.commits = commits;
    }

    /**
     * Appends a transaction's events in product order (each product's in its sequence order): two
     * transactions that append to the same products take the unique key's locks in the same order, so a
     * conflict between instances is one waiting for the other, never a deadlock.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<EventMessage<?>> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(TunedJdbcEventStorageEngine::aggregateOf));
        super.appendEvents(ordered, serializer);
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null
                ? domainEvent.getAggregateIdentifier()
                : "";
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(token, false);
        }
        if (!tailingReads.awaitTurn()) {
            return Stream.empty();
        }
        long started = System.nanoTime();
        List<? extends TrackedEventData<?>> read = fetchTrackedEvents(token, batchSize());
        tailingReads.found(read.size());
        if (read.size() < batchSize()) {
            commits.caughtUp(started);
            return read.stream();
        }
        return Stream.concat(
                read.stream(), super.readEventData(read.get(read.size() - 1).trackingToken(), true));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String timestamp = storedTimestamp(resultSet);
        DomainEventData<?> event = new ParsedTimestamp<>(
                new GenericDomainEventEntry<>(
                        resultSet.getString(schema.typeColumn()),
                        eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                        resultSet.getLong(schema.sequenceNumberColumn()),
                        eventIdentifier,
                        timestamp,
                        resultSet.getString(schema.payloadTypeColumn()),
                        resultSet.getString(schema.payloadRevisionColumn()),
                        readPayload(resultSet, schema.payloadColumn()),
                        readPayload(resultSet, schema.metaDataColumn())),
                timestamp);
        boolean allowGaps =
                event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minus(gapTimeout));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(
                        globalSequence,
                        allowGaps
                                ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                        .boxed()
                                        .collect(Collectors.toCollection(TreeSet::new))
                                : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        String timestamp = storedTimestamp(resultSet);
        return new ParsedTimestamp<>(super.getDomainEventData(resultSet), timestamp);
    }

    private String storedTimestamp(ResultSet resultSet) throws SQLException {
        return readTimeStamp(resultSet, schema().timestampColumn()).toString();
    }

    /** The stored event with its timestamp parsed on first use, once. */
    private static final class ParsedTimestamp<T> implements DomainEventData<T> {

        private final DomainEventData<T> stored;
        private final String timestampText;
        private Instant timestamp;

        ParsedTimestamp(DomainEventData<T> stored, String timestampText) {
            this.stored = stored;
            this.timestampText = timestampText;
        }

        @Override
        public Instant getTimestamp() {
            if (timestamp == null) {
                timestamp = StoredTimestamps.parse(timestampText);
            }
            return timestamp;
        }

        @Override
        public String getEventIdentifier() {
            return stored.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return stored.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return stored.getPayload();
        }

        @Override
        public String getType() {
            return stored.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return stored.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return stored.getSequenceNumber();
        }
    }
}

package com.acme.inventory.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC storage engine, except that each event read from the store parses its timestamp text
 * once and quickly ({@link StoredTimestamps}) instead of through a {@code DateTimeFormatter} each time
 * a message asks for it. Axon's own gap bookkeeping still reads the timestamp its way.
 */
class FastTimestampJdbcEventStorageEngine extends JdbcEventStorageEngine {

    FastTimestampJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        String timestamp = storedTimestamp(resultSet);
        TrackedEventData<?> event = super.getTrackedEventData(resultSet, previousToken);
        return event instanceof TrackedDomainEventData<?> domainEvent
                ? new TrackedDomainEventData<>(domainEvent.trackingToken(), new ParsedTimestamp<>(domainEvent, timestamp))
                : event;
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

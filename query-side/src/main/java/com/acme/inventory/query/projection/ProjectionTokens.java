package com.acme.inventory.query.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens of a projection: every segment from the shared token table, so that the view holds for
 * every instance, with the local processor's in-memory position for the segments this instance
 * claims. (A segment that gets no events of its own stores its token only every few seconds.)
 */
@Component
class ProjectionTokens {

    /**
     * One segment's progress.
     *
     * @param position      global index passed, -1 before the first event
     * @param resetPosition the store's head when the current replay started, or -1 when none runs
     */
    record Segment(int segment, String owner, Instant claimedAt, long position, long resetPosition) {

        /** Axon keeps a replay token until the first event after the reset point; done once it is reached. */
        boolean replaying() {
            return resetPosition >= 0 && position < resetPosition;
        }

        static Segment of(int segment, String owner, Instant claimedAt, TrackingToken token) {
            long position = token == null ? -1 : token.position().orElse(-1);
            long reset = ReplayToken.isReplay(token)
                    ? ReplayToken.getTokenAtReset(token).orElse(-1)
                    : -1;
            return new Segment(segment, owner, claimedAt, position, reset);
        }

        static Segment of(int segment, String owner, Instant claimedAt, EventTrackerStatus local) {
            long position = local.getCurrentPosition().orElse(-1);
            long reset = local.isReplaying() ? local.getResetPosition().orElse(-1) : -1;
            return new Segment(segment, owner, claimedAt, position, reset);
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ProjectionTokens(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    List<Segment> of(String projection) {
        Map<Integer, EventTrackerStatus> local = processing
                .eventProcessor(projection, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        return jdbc.query(
                """
                        SELECT segment, owner, token_timestamp, token, token_type FROM token_entry
                        WHERE processor_name = ? ORDER BY segment""",
                (rs, row) -> {
                    int segment = rs.getInt(1);
                    Instant claimedAt = rs.getString(3) == null ? null : Instant.parse(rs.getString(3));
                    EventTrackerStatus status = local.get(segment);
                    return status != null
                            ? Segment.of(segment, rs.getString(2), claimedAt, status)
                            : Segment.of(
                                    segment, rs.getString(2), claimedAt, deserialize(rs.getBytes(4), rs.getString(5)));
                },
                projection);
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
    }

    static long lowestPosition(List<Segment> segments) {
        return segments.stream().mapToLong(Segment::position).min().orElse(-1);
    }

    static boolean anyReplaying(List<Segment> segments) {
        return segments.stream().anyMatch(Segment::replaying);
    }
}

package com.acme.inventory.query.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far each projection trails the event store, read from the shared token table so that it holds
 * for every query-side instance, refreshed in the background so that reads only look up a number.
 */
@Component
public class ProjectionPositions {

    /** A projection's position (lowest over its segments) against the store's head. */
    public record Position(long position, long headPosition, long lagMillis) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Map<String, Position> latest = new ConcurrentHashMap<>();

    ProjectionPositions(JdbcTemplate jdbc, Serializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    public long lagMillis(String projection) {
        Position position = latest.get(projection);
        return position == null ? 0 : position.lagMillis();
    }

    public Position current(String projection) {
        return latest.computeIfAbsent(projection, this::measure);
    }

    @Scheduled(fixedDelayString = "${inventory.query.lag-refresh-interval:100ms}")
    void refresh() {
        for (String projection : Projections.NAMES) {
            latest.put(projection, measure(projection));
        }
    }

    Position measure(String projection) {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        long headPosition = head == null ? -1 : head;
        long position = position(projection);
        if (position >= headPosition) {
            return new Position(position, headPosition, 0);
        }
        List<String> next = jdbc.queryForList("""
                SELECT time_stamp FROM domain_event_entry WHERE global_index > ?
                ORDER BY global_index FETCH FIRST 1 ROWS ONLY""", String.class, position);
        long lag = next.isEmpty() ? 0 : Math.max(0, clock.millis() - Instant.parse(next.get(0)).toEpochMilli());
        return new Position(position, headPosition, lag);
    }

    /** The lowest position over the projection's segments; -1 before the first event. */
    public long position(String projection) {
        List<OptionalLong> positions = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> positionOf(rs.getBytes(1), rs.getString(2)), projection);
        return positions.stream().mapToLong(p -> p.orElse(-1)).min().orElse(-1);
    }

    private OptionalLong positionOf(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}

package com.acme.inventory.query.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The replay state machine of each projection, in table {@code projection_control} (see V4 migration). */
@Component
class ProjectionControl {

    enum State {
        RUNNING,
        STOPPING,
        RESETTING
    }

    /** The columns the coordination reads; requested_by/at and reset_position are kept for operators' audits. */
    record Row(
            String name,
            State state,
            long generation,
            long cleanedGeneration,
            Instant stateChangedAt,
            String lastError) {

        boolean cleanedUp() {
            return cleanedGeneration >= generation;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProjectionControl(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Row read(String name) {
        return query("SELECT * FROM projection_control WHERE name = ?", name);
    }

    /** Call inside a transaction: the row stays locked until it ends. */
    Row lock(String name) {
        return query("SELECT * FROM projection_control WHERE name = ? FOR UPDATE", name);
    }

    void requestReplay(String name, String actor) {
        jdbc.update("""
                        UPDATE projection_control SET state = 'STOPPING', generation = generation + 1, requested_by = ?,
                               requested_at = ?, state_changed_at = ?, reset_position = NULL, last_error = NULL
                        WHERE name = ?""", actor, now(), now(), name);
    }

    /** Exactly one instance wins the right to reset a generation. */
    boolean beginReset(String name, long generation) {
        return jdbc.update("""
                UPDATE projection_control SET state = 'RESETTING', state_changed_at = ?
                WHERE name = ? AND generation = ? AND state = 'STOPPING'""", now(), name, generation) == 1;
    }

    void finishReset(String name, long generation, long resetPosition) {
        jdbc.update("""
                UPDATE projection_control SET state = 'RUNNING', state_changed_at = ?, reset_position = ?
                WHERE name = ? AND generation = ? AND state = 'RESETTING'""", now(), resetPosition, name, generation);
    }

    /** A reset that failed, or whose instance died, goes back to STOPPING for any instance to retry. */
    void retryReset(String name, long generation, String error) {
        jdbc.update("""
                UPDATE projection_control SET state = 'STOPPING', state_changed_at = ?, last_error = ?
                WHERE name = ? AND generation = ? AND state = 'RESETTING'""", now(), error, name, generation);
    }

    /** Exactly one instance cleans up after a generation's replay. */
    boolean markCleaned(String name, long generation) {
        return jdbc.update("""
                UPDATE projection_control SET cleaned_generation = generation
                WHERE name = ? AND generation = ? AND cleaned_generation < generation AND state = 'RUNNING'""", name, generation) == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private Row query(String sql, String name) {
        return jdbc.queryForObject(
                sql,
                (rs, n) -> new Row(
                        rs.getString("name"),
                        State.valueOf(rs.getString("state")),
                        rs.getLong("generation"),
                        rs.getLong("cleaned_generation"),
                        instant(rs.getObject("state_changed_at", OffsetDateTime.class)),
                        rs.getString("last_error")),
                name);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

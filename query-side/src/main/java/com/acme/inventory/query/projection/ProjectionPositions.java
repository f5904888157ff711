package com.acme.inventory.query.projection;

import com.acme.inventory.platform.database.ConciseFailureLog;
import com.acme.inventory.platform.database.DatabaseFailures;
import com.acme.inventory.platform.database.DatabaseNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far each projection trails the event store, from the shared token table so that it holds for
 * every query-side instance, refreshed in the background so that reads only look up a number; also
 * the {@code inventory_projection_*} gauges. Measured every {@code lag-refresh-interval} while something
 * may move; where PostgreSQL announces commits and replay changes, a projection at the head with no news
 * is measured once a minute (an idle side then asks the database nothing).
 */
@Component
public class ProjectionPositions {

    private static final ConciseFailureLog databaseFailures =
            new ConciseFailureLog(LoggerFactory.getLogger(ProjectionPositions.class), Duration.ofMinutes(1));

    /** A projection's position (lowest over its segments) against the store's head. */
    public record Position(long position, long headPosition, long lagMillis, boolean replaying) {}

    private final JdbcTemplate jdbc;
    private final ProjectionTokens tokens;
    private final Clock clock;
    private final Map<String, Position> latest = new ConcurrentHashMap<>();
    private final QuietTicks ticks;

    ProjectionPositions(
            JdbcTemplate jdbc,
            ProjectionTokens tokens,
            Clock clock,
            MeterRegistry meters,
            ObjectProvider<DatabaseNotifications> announcements) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
        this.ticks = new QuietTicks(
                announcements.getIfAvailable(),
                DatabaseNotifications.EVENTS_CHANNEL,
                DatabaseNotifications.PROJECTION_CONTROL_CHANNEL);
        for (String projection : Projections.NAMES) {
            Gauge.builder("inventory.projection.lag", () -> lagMillis(projection))
                    .baseUnit("milliseconds")
                    .tag("projection", projection)
                    .description("age of the oldest event the projection has not applied")
                    .register(meters);
            Gauge.builder("inventory.projection.position", () -> position(projection))
                    .tag("projection", projection)
                    .description("global index the projection has passed (lowest over its segments)")
                    .register(meters);
            Gauge.builder("inventory.projection.replaying", () -> replaying(projection) ? 1 : 0)
                    .tag("projection", projection)
                    .register(meters);
        }
    }

    public long lagMillis(String projection) {
        Position position = latest.get(projection);
        return position == null ? 0 : position.lagMillis();
    }

    /** The lowest position over the projection's segments, as last measured; -1 before the first. */
    public long position(String projection) {
        Position position = latest.get(projection);
        return position == null ? -1 : position.position();
    }

    /** True while the projection rebuilds: its rows may show an older state of a product. */
    public boolean replaying(String projection) {
        Position position = latest.get(projection);
        return position != null && position.replaying();
    }

    @Scheduled(fixedDelayString = "${inventory.query.lag-refresh-interval:100ms}")
    void refresh() {
        boolean steady = latest.size() == Projections.NAMES.size()
                && latest.values().stream().allMatch(position -> position.lagMillis() == 0 && !position.replaying());
        if (!ticks.due(steady)) {
            return;
        }
        try {
            for (String projection : Projections.NAMES) {
                latest.put(projection, measure(projection));
            }
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unreachable(e)) {
                throw e;
            }
            databaseFailures.failed("Projection positions not measured; the last ones stay", e);
        }
    }

    Position measure(String projection) {
        List<ProjectionTokens.Segment> segments = tokens.of(projection);
        boolean replaying = ProjectionTokens.anyReplaying(segments) || replayRequested(projection);
        long head = headPosition();
        long position = ProjectionTokens.lowestPosition(segments);
        if (position >= head) {
            return new Position(position, head, 0, replaying);
        }
        List<String> next = jdbc.queryForList("""
                SELECT time_stamp FROM domain_event_entry WHERE global_index > ?
                ORDER BY global_index FETCH FIRST 1 ROWS ONLY""", String.class, position);
        long lag = next.isEmpty()
                ? 0
                : Math.max(0, clock.millis() - Instant.parse(next.get(0)).toEpochMilli());
        return new Position(position, head, lag, replaying);
    }

    long headPosition() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private boolean replayRequested(String projection) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM projection_control WHERE name = ? AND state <> 'RUNNING'",
                        Integer.class,
                        projection)
                .isEmpty();
    }
}

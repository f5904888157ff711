package com.acme.inventory.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * What the status endpoint says of each projection, as gauges an operator can alert on: its state (one
 * series per state, 1 for the current one), the store's head, replay progress and the replay's ETA
 * ({@code NaN} while none is measured). Computed when scraped, at most once a second.
 */
@Component
class ProjectionMetrics {

    static final List<String> STATES = List.of("RUNNING", "REPLAYING", "STOPPED", "ERROR");
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final ReplayCoordinator replays;

    ProjectionMetrics(ReplayCoordinator replays, MeterRegistry meters) {
        this.replays = replays;
        for (String projection : Projections.NAMES) {
            LatestStatus latest = new LatestStatus(projection);
            gauge(
                    meters,
                    "inventory.projection.head",
                    projection,
                    latest,
                    status -> status.headPosition(),
                    "global index of the newest event in the store");
            gauge(
                    meters,
                    "inventory.projection.progress",
                    projection,
                    latest,
                    ProjectionStatus::progress,
                    "0..1 through the current replay, 1 when none runs");
            gauge(
                    meters,
                    "inventory.projection.eta",
                    projection,
                    latest,
                    status -> status.etaSeconds() == null ? Double.NaN : status.etaSeconds(),
                    "seconds until the running replay catches up");
            for (String state : STATES) {
                Gauge.builder(
                                "inventory.projection.state",
                                latest,
                                l -> state.equals(l.get().state()) ? 1 : 0)
                        .strongReference(true)
                        .tag("projection", projection)
                        .tag("state", state)
                        .description("1 for the projection's current state on this instance")
                        .register(meters);
            }
        }
    }

    private static void gauge(
            MeterRegistry meters,
            String name,
            String projection,
            LatestStatus latest,
            ToDoubleFunction<ProjectionStatus> value,
            String description) {
        Gauge.builder(name, latest, l -> value.applyAsDouble(l.get()))
                .strongReference(true)
                .tag("projection", projection)
                .description(description)
                .register(meters);
    }

    /** The status, read again when the last read is older than a second (one scrape reads each gauge). */
    private final class LatestStatus {
        private final String projection;
        private ProjectionStatus status;
        private long readAt;

        LatestStatus(String projection) {
            this.projection = projection;
        }

        synchronized ProjectionStatus get() {
            if (status == null || System.nanoTime() - readAt > REFRESH_NANOS) {
                status = replays.status(projection);
                readAt = System.nanoTime();
            }
            return status;
        }
    }
}

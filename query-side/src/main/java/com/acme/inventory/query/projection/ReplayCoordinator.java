package com.acme.inventory.query.projection;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.platform.database.ConciseFailureLog;
import com.acme.inventory.platform.database.DatabaseFailures;
import com.acme.inventory.platform.database.DatabaseNotifications;
import com.acme.inventory.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a projection safely with any number of query-side instances on one database. A request
 * moves the projection to STOPPING; every instance, on its next tick, shuts its processor down (which
 * releases its claims); once no claim is left, one instance resets the tokens (running the reset
 * handler once) and sets RUNNING; every instance then starts its processor, which replays from the
 * first event while new events keep arriving. When no segment is replaying any more, one instance
 * removes the rows no event rebuilt. It looks every {@code replay-tick} while a replay runs somewhere it
 * knows of; where PostgreSQL announces changes of the replay state, a quiet tick (nothing announced,
 * every projection steady) asks nothing, and a full look happens once a minute.
 */
@Component
public class ReplayCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(5);
    /** A rate from less than this (two ticks at the start of a replay) made the first ETA 11,451 s for a 16 s replay. */
    private static final Duration MIN_RATE_SPAN = Duration.ofSeconds(1);

    private static final ConciseFailureLog databaseFailures = new ConciseFailureLog(log, Duration.ofMinutes(1));

    private final ProjectionControl control;
    private final ProjectionTokens tokens;
    private final ProjectionPositions positions;
    private final EventProcessingConfiguration processing;
    private final Map<String, RebuildableProjection> projections = new ConcurrentHashMap<>();
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration claimTimeout;
    private final Duration resetTimeout;
    private final Map<String, Window> samples = new ConcurrentHashMap<>();
    private final QuietTicks ticks;
    private final Map<String, Boolean> steady = new ConcurrentHashMap<>();

    ReplayCoordinator(
            ProjectionControl control,
            ProjectionTokens tokens,
            ProjectionPositions positions,
            EventProcessingConfiguration processing,
            List<RebuildableProjection> projections,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${inventory.query.token-claim-timeout:10s}") Duration claimTimeout,
            @Value("${inventory.query.reset-timeout:60s}") Duration resetTimeout,
            ObjectProvider<DatabaseNotifications> announcements) {
        this.control = control;
        this.tokens = tokens;
        this.positions = positions;
        this.processing = processing;
        projections.forEach(projection -> this.projections.put(projection.projectionName(), projection));
        this.transaction = transaction;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.resetTimeout = resetTimeout;
        this.ticks = new QuietTicks(announcements.getIfAvailable(), DatabaseNotifications.PROJECTION_CONTROL_CHANNEL);
    }

    public ProjectionStatus requestReplay(String name, String actor) {
        requireKnown(name);
        Boolean accepted = transaction.execute(status -> {
            ProjectionControl.Row row = control.lock(name);
            if (row.state() != ProjectionControl.State.RUNNING
                    || !row.cleanedUp()
                    || ProjectionTokens.anyReplaying(tokens.of(name))) {
                return false;
            }
            control.requestReplay(name, actor);
            return true;
        });
        if (!Boolean.TRUE.equals(accepted)) {
            throw new ApiException(ErrorCode.REPLAY_IN_PROGRESS, "A replay of '" + name + "' is already running.");
        }
        log.info("Replay of projection '{}' requested by '{}'", name, actor);
        // the next tick (every instance's) stops the processors; stopping one here took the answer seconds
        return status(name);
    }

    public List<ProjectionStatus> statuses() {
        return Projections.NAMES.stream().map(this::status).toList();
    }

    public ProjectionStatus status(String name) {
        requireKnown(name);
        ProjectionControl.Row row = control.read(name);
        List<ProjectionTokens.Segment> segments = tokens.of(name);
        long head = positions.headPosition();
        long position = ProjectionTokens.lowestPosition(segments);
        boolean stopping = row.state() != ProjectionControl.State.RUNNING;
        boolean replaying = stopping || ProjectionTokens.anyReplaying(segments);
        double progress = replaying ? progress(segments, stopping) : 1.0;
        Double rate = eventsPerSecond(name, row.generation());
        Long eta = null;
        if (replaying && rate != null && rate > 0) {
            long target = segments.stream()
                    .mapToLong(s -> s.resetPosition() >= 0 ? s.resetPosition() : head)
                    .max()
                    .orElse(head);
            eta = Math.round(Math.max(0, target - position) / rate);
        }
        StreamingEventProcessor processor = processor(name);
        String error = localError(processor).orElse(row.lastError());
        String state =
                processor.isError() ? "ERROR" : replaying ? "REPLAYING" : processor.isRunning() ? "RUNNING" : "STOPPED";
        return new ProjectionStatus(
                name, state, position, head, progress, replaying, rate, eta, positions.lagMillis(name), error);
    }

    @Scheduled(fixedDelayString = "${inventory.query.replay-tick:200ms}")
    public synchronized void tick() {
        boolean allSteady = steady.size() == Projections.NAMES.size() && !steady.containsValue(false);
        if (!ticks.due(allSteady)) {
            return;
        }
        for (String name : Projections.NAMES) {
            try {
                step(name);
            } catch (RuntimeException e) {
                if (DatabaseFailures.unreachable(e)) {
                    databaseFailures.failed("Replay coordination of '" + name + "' failed this tick; it is retried", e);
                } else {
                    log.warn("Replay coordination of '{}' failed this tick; it is retried", name, e);
                }
            }
        }
    }

    private void step(String name) {
        ProjectionControl.Row row = control.read(name);
        StreamingEventProcessor processor = processor(name);
        sample(name, row.generation());
        switch (row.state()) {
            case STOPPING -> {
                stopLocally(processor);
                if (allClaimsReleased(name) && control.beginReset(name, row.generation())) {
                    reset(name, processor, row.generation());
                }
            }
            case RESETTING -> {
                stopLocally(processor);
                if (row.stateChangedAt() != null
                        && row.stateChangedAt().plus(resetTimeout).isBefore(clock.instant())) {
                    log.warn(
                            "Reset of '{}' generation {} did not finish in {}; another instance may retry it",
                            name,
                            row.generation(),
                            resetTimeout);
                    control.retryReset(name, row.generation(), "reset timed out");
                }
            }
            case RUNNING -> {
                if (!processor.isRunning()) {
                    processor.start();
                }
                if (!row.cleanedUp() && !ProjectionTokens.anyReplaying(tokens.of(name))) {
                    finishReplay(name, row.generation());
                }
            }
        }
        steady.put(name, row.state() == ProjectionControl.State.RUNNING && row.cleanedUp() && processor.isRunning());
    }

    private void reset(String name, StreamingEventProcessor processor, long generation) {
        try {
            long head = positions.headPosition();
            // from the first event; the processor's initial token (Axon's default: a replay token at the
            // head) would start the replay as a replay token wrapped in another
            processor.resetTokens(StreamableMessageSource::createTailToken);
            control.finishReset(name, generation, head);
            log.info("Projection '{}' reset for replay generation {} up to global index {}", name, generation, head);
        } catch (RuntimeException e) {
            log.error("Reset of projection '{}' failed; it is retried", name, e);
            control.retryReset(name, generation, e.toString());
        }
    }

    private void finishReplay(String name, long generation) {
        transaction.executeWithoutResult(status -> {
            if (control.markCleaned(name, generation)) {
                projections.get(name).removeRowsWithoutEvents();
                log.info("Replay generation {} of projection '{}' finished", generation, name);
            }
        });
    }

    private void stopLocally(StreamingEventProcessor processor) {
        if (processor.isRunning()) {
            log.info("Stopping processor '{}' on this instance for a replay", processor.getName());
            processor.shutDown();
        }
    }

    private boolean allClaimsReleased(String name) {
        var now = clock.instant();
        return tokens.of(name).stream()
                .allMatch(segment -> segment.owner() == null
                        || segment.claimedAt() == null
                        || segment.claimedAt().plus(claimTimeout).isBefore(now));
    }

    private static double progress(List<ProjectionTokens.Segment> segments, boolean stopping) {
        if (stopping || segments.isEmpty()) {
            return 0.0;
        }
        double lowest = 1.0;
        for (ProjectionTokens.Segment segment : segments) {
            if (segment.replaying()) {
                long target = segment.resetPosition();
                double done = target <= 0 ? 0.0 : Math.max(0, segment.position()) / (double) target;
                lowest = Math.min(lowest, done);
            }
        }
        return lowest;
    }

    /** A position sample per tick; a new replay (generation) starts a new window. */
    private void sample(String name, long generation) {
        Window window = samples.compute(
                name,
                (n, current) -> current == null || current.generation != generation ? new Window(generation) : current);
        long now = System.nanoTime();
        long position = positions.position(name);
        synchronized (window) {
            if (!window.points.isEmpty() && position < window.points.peekLast()[1]) {
                window.points.clear();
            }
            window.points.addLast(new long[] {now, position});
            while (window.points.size() > 2 && now - window.points.peekFirst()[0] > RATE_WINDOW.toNanos()) {
                window.points.removeFirst();
            }
        }
    }

    /**
     * Events a second over the last seconds of this replay generation, once at least {@link #MIN_RATE_SPAN} of
     * it has been sampled; else null.
     */
    private Double eventsPerSecond(String name, long generation) {
        Window window = samples.get(name);
        if (window == null || window.generation != generation) {
            return null;
        }
        synchronized (window) {
            if (window.points.size() < 2) {
                return null;
            }
            long[] first = window.points.peekFirst();
            long[] last = window.points.peekLast();
            double seconds = (last[0] - first[0]) / 1e9;
            return seconds < MIN_RATE_SPAN.toMillis() / 1e3 ? null : Math.max(0, last[1] - first[1]) / seconds;
        }
    }

    private static final class Window {
        final long generation;
        final Deque<long[]> points = new ArrayDeque<>();

        Window(long generation) {
            this.generation = generation;
        }
    }

    private static Optional<String> localError(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .findFirst();
    }

    private StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor '" + name + "'"));
    }

    private static void requireKnown(String name) {
        if (!Projections.NAMES.contains(name)) {
            throw new ApiException(ErrorCode.PROJECTION_NOT_FOUND, "No projection named '" + name + "'.");
        }
    }
}

package com.acme.inventory.command.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What became of each command, for operators: {@code inventory_commands_total} by command, outcome
 * ({@code accepted}, {@code rejected} with its {@code code}, {@code replayed} for a stored answer to an
 * Idempotency-Key, {@code failed} when no answer could be given) and {@code inventory_command_duration_seconds}
 * by command and outcome, a histogram (p99 across instances).
 */
@Component
class CommandOutcomes {

    enum Outcome {
        ACCEPTED,
        REJECTED,
        REPLAYED,
        FAILED
    }

    private static final String NO_CODE = "none";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    CommandOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    long start() {
        return System.nanoTime();
    }

    void record(Object command, long startNanos, Outcome outcome, String code) {
        String name = command.getClass().getSimpleName().replace("Command", "");
        String outcomeName = outcome.name().toLowerCase(Locale.ROOT);
        String codeName = code == null ? NO_CODE : code;
        counters.computeIfAbsent(
                        name + '/' + outcomeName + '/' + codeName,
                        key -> Counter.builder("inventory.commands")
                                .description("Commands by what became of them")
                                .tag("command", name)
                                .tag("outcome", outcomeName)
                                .tag("code", codeName)
                                .register(meters))
                .increment();
        timers.computeIfAbsent(
                        name + '/' + outcomeName,
                        key -> Timer.builder("inventory.command.duration")
                                .description("Time from request to answer, retries included")
                                .tag("command", name)
                                .tag("outcome", outcomeName)
                                .publishPercentileHistogram()
                                .register(meters))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}

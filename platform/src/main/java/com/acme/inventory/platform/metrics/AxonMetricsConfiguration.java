package com.acme.inventory.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters made affordable at replay speed and at group-commit rates:
 * <ul>
 * <li>the query bus keeps its timers, counters and capacity, with a bounded capacity window: Axon's
 * capacity monitor keeps every message's duration for ten minutes in a skip list, which during a
 * replay was millions of entries, a full heap and a quarter of the replay in full collections;</li>
 * <li>the command bus is not monitored by Axon: building its tags and recording three meters per command
 * was 6% of a request thread's time under S1, and the command side's own meters say more
 * ({@code inventory_commands_total} by outcome and code, {@code inventory_command_duration_seconds},
 * the batch sizes, commits, retries and the writer's queue);</li>
 * <li>event processors are not monitored per event: every event, also one another segment handles,
 * cost several meter look-ups, a skip-list insert and percentile recordings, about a third of a
 * replay's processing time. The query side publishes each projection's lag and position instead
 * ({@code inventory_projection_*}), sampled in the background.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(
            MeterRegistry meterRegistry, @Value("${inventory.metrics.capacity-window:10s}") Duration capacityWindow) {
        return new BoundedWindowMetricRegistry(meterRegistry, capacityWindow);
    }

    static final class BoundedWindowMetricRegistry extends GlobalMetricRegistry {

        private final Duration capacityWindow;

        BoundedWindowMetricRegistry(MeterRegistry registry, Duration capacityWindow) {
            super(registry);
            this.capacityWindow = capacityWindow;
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                String name,
                Function<Message<?>, Iterable<Tag>> tags,
                Function<Message<?>, Iterable<Tag>> latencyTags) {
            return NoOpMessageMonitor.INSTANCE;
        }

        @Override
        public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
                String name, Function<Message<?>, Iterable<Tag>> tags) {
            return NoOpMessageMonitor.INSTANCE;
        }

        @Override
        public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
                String name, Function<Message<?>, Iterable<Tag>> tags) {
            return new MultiMessageMonitor<>(
                    MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                    capacity(name, tags),
                    MessageCountingMonitor.buildMonitor(name, getRegistry(), tags));
        }

        private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tags) {
            return CapacityMonitor.buildMonitor(
                    name,
                    getRegistry(),
                    capacityWindow.toMillis(),
                    TimeUnit.MILLISECONDS,
                    getRegistry().config().clock(),
                    tags);
        }
    }
}

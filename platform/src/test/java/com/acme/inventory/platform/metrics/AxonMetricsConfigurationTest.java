package com.acme.inventory.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.Test;

class AxonMetricsConfigurationTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final AxonMetricsConfiguration.BoundedWindowMetricRegistry registry =
            new AxonMetricsConfiguration.BoundedWindowMetricRegistry(meters, WINDOW);

    @Test
    void queryBusCapacityForgetsMessagesOlderThanTheWindow() {
        var monitor = registry.registerQueryBus("queryBus", message -> Tags.of("payloadType", "Stock"));

        MonitorCallback callback =
                monitor.onMessageIngested(new GenericQueryMessage<>("stock", ResponseTypes.instanceOf(String.class)));
        clock.add(Duration.ofMillis(500));
        callback.reportSuccess();

        Gauge capacity = meters.get("queryBus.capacity").gauge();
        assertThat(capacity.value()).isPositive();
        clock.add(WINDOW.plusSeconds(1));
        assertThat(capacity.value()).isZero();
        assertThat(meters.get("queryBus.successCounter").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theCommandBusIsNotMonitoredByAxon() {
        var monitor = registry.registerCommandBus("commandBus", message -> Tags.of("payloadType", "Sale"));

        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("sale"))
                .reportSuccess();

        assertThat(monitor).isSameAs(NoOpMessageMonitor.INSTANCE);
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void eventProcessorsAreNotMonitoredPerEvent() {
        var monitor = registry.registerEventProcessor(
                "eventProcessor",
                message -> Tags.of("processorName", "stock-cache"),
                message -> Tags.of("processorName", "stock-cache"));

        monitor.onMessageIngested(GenericEventMessage.asEventMessage("restocked"))
                .reportSuccess();

        assertThat(monitor).isSameAs(NoOpMessageMonitor.INSTANCE);
        assertThat(meters.getMeters()).isEmpty();
    }
}

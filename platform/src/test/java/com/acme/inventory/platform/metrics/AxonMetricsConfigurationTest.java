package com.acme.inventory.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AxonMetricsConfigurationTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AxonMetricsConfiguration.BoundedWindowMetricRegistry registry =
            new AxonMetricsConfiguration.BoundedWindowMetricRegistry(meters, Duration.ofMillis(300));

    @Test
    void capacityForgetsMessagesOlderThanTheWindow() throws InterruptedException {
        var monitor = registry.registerCommandBus("commandBus", message -> Tags.of("payloadType", "Sale"));

        MonitorCallback callback = monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("sale"));
        Thread.sleep(60);
        callback.reportSuccess();

        Gauge capacity = meters.get("commandBus.capacity").gauge();
        assertThat(capacity.value()).isPositive();
        await().atMost(Duration.ofSeconds(2)).until(() -> capacity.value() == 0.0);
        assertThat(meters.get("commandBus.successCounter").counter().count()).isEqualTo(1.0);
    }

    @Test
    void eventProcessorsAreNotMonitoredPerEvent() {
        var monitor = registry.registerEventProcessor("eventProcessor", message -> Tags.of("processorName", "stock-cache"),
                message -> Tags.of("processorName", "stock-cache"));

        monitor.onMessageIngested(GenericEventMessage.asEventMessage("restocked")).reportSuccess();

        assertThat(monitor).isSameAs(NoOpMessageMonitor.INSTANCE);
        assertThat(meters.getMeters()).isEmpty();
    }
}

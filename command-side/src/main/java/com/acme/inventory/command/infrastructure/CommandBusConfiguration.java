package com.acme.inventory.command.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/** The command bus: Axon's, with group commit (replaces Axon's auto-configured one). */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CommandBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    GroupCommitCommandBus commandBus(
            TransactionManager transactionManager,
            Configuration axon,
            List<BatchPreparer> preparers,
            MeterRegistry meters,
            @Value("${inventory.command.max-batch:64}") int maxBatch,
            @Value("${inventory.command.answer-within:2s}") Duration answerWithin) {
        GroupCommitCommandBus bus = new GroupCommitCommandBus(
                SimpleCommandBus.builder(), transactionManager, preparers, maxBatch, answerWithin, meters);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}

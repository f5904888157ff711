package com.acme.inventory.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.StockChangeResult;
import com.acme.inventory.command.infrastructure.IdempotencyStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class CommandRunnerTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommandRunner runner = new CommandRunner(
            gateway,
            mock(IdempotencyStore.class),
            new ObjectMapper(),
            meters,
            new CommandOutcomes(meters),
            4,
            Duration.ofMillis(1));

    private final RestockCommand command = new RestockCommand("p-1", "v", 1, null, "order-service");
    private final CommandRunner.CommandCall call = new CommandRunner.CommandCall(
            command, HttpStatus.OK, "POST", "/api/v1/inventory/p-1/restocks", command, null);

    @Test
    void writersThatKeepConflictingGetConcurrentModificationAfterTheLastAttempt() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence taken"));

        ResponseEntity<String> response = runner.run(call);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"code\":\"CONCURRENT_MODIFICATION\"");
        verify(gateway, times(4)).sendAndWait(any());
        assertThat(meters.counter("inventory.command.retries").count())
                .as("four attempts are three retries")
                .isEqualTo(3);
        assertThat(meters.counter("inventory.command.conflicts.exhausted").count())
                .isEqualTo(1);
    }

    @Test
    void aConflictIsRetriedFromFreshStateUntilItSucceeds() {
        StockChangeResult result = new StockChangeResult("p-1", "v", InventoryEventType.RESTOCK, 1, 1, 5, 3, null);
        when(gateway.sendAndWait(any()))
                .thenThrow(new ConcurrencyException("sequence taken"))
                .thenReturn(result);

        ResponseEntity<String> response = runner.run(call);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"available\":5");
        verify(gateway, times(2)).sendAndWait(any());
        assertThat(meters.counter("inventory.command.retries").count()).isEqualTo(1);
    }
}

package com.acme.inventory.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.api.StockChangeResult;
import com.acme.inventory.command.infrastructure.IdempotencyInterceptor;
import com.acme.inventory.command.infrastructure.StoredAnswers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class CommandRunnerTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommandRunner runner =
            new CommandRunner(gateway, new ObjectMapper(), new CommandOutcomes(meters), Duration.ofSeconds(2));

    private final RestockCommand command = new RestockCommand("p-1", "v", 1, null, "order-service");
    private final CommandRunner.CommandCall call = new CommandRunner.CommandCall(
            command, HttpStatus.OK, "POST", "/api/v1/inventory/p-1/restocks", command, "key-1");

    private void answers(Object result) {
        when(gateway.send(any(CommandMessage.class))).thenReturn(CompletableFuture.completedFuture(result));
    }

    @Test
    void aStoredAnswerIsSentAgainWordForWordAndMarkedReplayed() {
        StockChangeResult first = new StockChangeResult("p-1", "v", InventoryEventType.RESTOCK, 1, 1, 5, 3, null);
        answers(first);
        ResponseEntity<String> original = runner.run(call);
        answers(new IdempotencyInterceptor.Replay(StoredAnswers.accepted(first, command)));

        ResponseEntity<String> replayed = runner.run(call);

        assertThat(replayed.getBody()).isEqualTo(original.getBody());
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(original.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void aKeyStoredForAnotherRequestIs422() {
        answers(IdempotencyInterceptor.KeyReused.INSTANCE);

        ResponseEntity<String> response = runner.run(call);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
    }

    @Test
    void aCommandTheBusCouldNotRunInTimeIs409ConcurrentModification() {
        when(gateway.send(any(CommandMessage.class)))
                .thenReturn(CompletableFuture.failedFuture(new CommandExecutionException(
                        "kept conflicting",
                        null,
                        RuleViolation.of(ErrorCode.CONCURRENT_MODIFICATION, "Retry the request."))));

        ResponseEntity<String> response = runner.run(call);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).contains("\"code\":\"CONCURRENT_MODIFICATION\"");
        assertThat(meters.get("inventory.commands")
                        .tag("outcome", "rejected")
                        .tag("code", "CONCURRENT_MODIFICATION")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}

package com.acme.inventory.command.application;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.LineViolation;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.command.infrastructure.IdempotencyInterceptor;
import com.acme.inventory.command.infrastructure.IdempotencyRecord;
import com.acme.inventory.command.infrastructure.StoredAnswers;
import com.acme.inventory.command.inventory.StockRuleViolation;
import com.acme.inventory.platform.web.ApiException;
import com.acme.inventory.platform.web.ApiProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends one command and turns its outcome into the HTTP response. The command bus runs it in a write
 * batch and answers after the batch committed; conflicts are retried there, from fresh state. With an
 * Idempotency-Key the {@link IdempotencyInterceptor} answers a key seen before with its stored answer,
 * which is worded here exactly like a first answer.
 */
@Component
public class CommandRunner {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * The bus answers a command within answer-within, plus the transaction in flight when it ran out: a
     * commit that takes longer than this waits on a database that hangs.
     */
    static final Duration COMMIT_GRACE = Duration.ofSeconds(3);

    private final CommandGateway commandGateway;
    private final ObjectMapper objectMapper;
    private final CommandOutcomes outcomes;
    private final Duration answerTimeout;

    CommandRunner(
            CommandGateway commandGateway,
            ObjectMapper objectMapper,
            CommandOutcomes outcomes,
            @Value("${inventory.command.answer-within:2s}") Duration answerWithin) {
        this.commandGateway = commandGateway;
        this.objectMapper = objectMapper;
        this.outcomes = outcomes;
        this.answerTimeout = answerWithin.plus(COMMIT_GRACE);
    }

    /** What to send, and how the request looked (for the idempotency fingerprint and the problem instance). */
    public record CommandCall(
            Object command,
            HttpStatus successStatus,
            String method,
            String path,
            Object requestBody,
            String idempotencyKey) {}

    public ResponseEntity<String> run(CommandCall call) {
        long start = outcomes.start();
        try {
            Answer answer = answer(call);
            outcomes.record(call.command(), start, answer.outcome(), answer.code());
            return answer.response();
        } catch (RuntimeException failure) {
            outcomes.record(call.command(), start, CommandOutcomes.Outcome.FAILED, null);
            throw failure;
        }
    }

    /** The response, and what it tells about the command for {@link CommandOutcomes}. */
    private record Answer(ResponseEntity<String> response, CommandOutcomes.Outcome outcome, String code) {}

    private Answer answer(CommandCall call) {
        MetaData metaData = call.idempotencyKey() == null
                ? MetaData.emptyInstance()
                : IdempotencyInterceptor.metaData(call.idempotencyKey(), fingerprint(call));
        Object result;
        try {
            result = commandGateway
                    .send(GenericCommandMessage.asCommandMessage(call.command()).andMetaData(metaData))
                    .get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Optional<RuleViolation> violation = ruleViolation(failed.getCause());
            if (violation.isEmpty()) {
                throw failed.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(failed.getCause());
            }
            return rejected(call, violation.get(), false);
        } catch (TimeoutException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Not answered within " + answerTimeout.toMillis() + " ms: the database is slow to commit."
                            + " Retry the request (with its Idempotency-Key): it is recorded at most once.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a command's answer", e);
        }
        if (result instanceof IdempotencyInterceptor.Replay replay) {
            return replayed(call, replay);
        }
        if (result == IdempotencyInterceptor.KeyReused.INSTANCE) {
            return rejected(
                    call,
                    RuleViolation.of(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for a different request."),
                    false);
        }
        return accepted(call, result, false);
    }

    private Answer replayed(CommandCall call, IdempotencyInterceptor.Replay replay) {
        StoredAnswers.Answer stored = StoredAnswers.decode(replay.answer(), call.command());
        if (stored instanceof StoredAnswers.Accepted accepted) {
            return accepted(call, accepted.result(), true);
        }
        if (stored instanceof StoredAnswers.Rejected rejected) {
            return rejected(call, rejected.violation(), true);
        }
        StoredAnswers.Verbatim verbatim = (StoredAnswers.Verbatim) stored;
        return new Answer(
                new Reply(verbatim.status(), verbatim.body()).toResponse(true), CommandOutcomes.Outcome.REPLAYED, null);
    }

    private Answer accepted(CommandCall call, Object result, boolean replayed) {
        return new Answer(
                new Reply(call.successStatus().value(), json(result)).toResponse(replayed),
                replayed ? CommandOutcomes.Outcome.REPLAYED : CommandOutcomes.Outcome.ACCEPTED,
                null);
    }

    private Answer rejected(CommandCall call, RuleViolation violation, boolean replayed) {
        return new Answer(
                problem(call, violation).toResponse(replayed),
                replayed ? CommandOutcomes.Outcome.REPLAYED : CommandOutcomes.Outcome.REJECTED,
                replayed ? null : violation.code().name());
    }

    private Reply problem(CommandCall call, RuleViolation violation) {
        ProblemDetail problem = ApiProblems.problem(violation.code(), violation.detail(), call.path());
        if (violation.available() != null) {
            problem.setProperty("available", violation.available());
        }
        if (violation.restorable() != null) {
            problem.setProperty("restorable", violation.restorable());
        }
        if (!violation.lines().isEmpty()) {
            problem.setProperty(
                    "lines", violation.lines().stream().map(CommandRunner::line).toList());
        }
        return new Reply(problem.getStatus(), json(problem));
    }

    /** An offending line as the contract shows it: its ids, its code, and the numbers its code compares. */
    private static Map<String, Object> line(LineViolation line) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("productId", line.productId());
        shown.put("variantId", line.variantId());
        shown.put("code", line.code().name());
        if (line.code() == ErrorCode.INSUFFICIENT_STOCK || line.code() == ErrorCode.RESTORE_EXCEEDS_SALE) {
            shown.put("requested", line.requested());
        }
        if (line.available() != null) {
            shown.put("available", line.available());
        }
        if (line.restorable() != null) {
            shown.put("restorable", line.restorable());
        }
        return shown;
    }

    private static Optional<RuleViolation> ruleViolation(Throwable failure) {
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(StockRuleViolation.productNotFound(String.valueOf(notFound.getAggregateIdentifier()))
                    .violation());
        }
        if (failure instanceof CommandExecutionException execution) {
            return execution
                    .getDetails()
                    .filter(RuleViolation.class::isInstance)
                    .map(RuleViolation.class::cast);
        }
        return Optional.empty();
    }

    /** The first 64 bits of the SHA-256 of the request's method, path and body. */
    private long fingerprint(CommandCall call) {
        try {
            byte[] request = (call.method() + ' ' + call.path() + '\n').getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.wrap(
                            IdempotencyRecord.sha256(request, objectMapper.writeValueAsBytes(call.requestBody())))
                    .getLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response", e);
        }
    }

    private record Reply(int status, String body) {

        ResponseEntity<String> toResponse(boolean replayed) {
            MediaType type = status < 300 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(type);
            if (replayed) {
                builder.header(REPLAYED_HEADER, "true");
            }
            return builder.body(body);
        }
    }
}

package com.acme.inventory.command.application;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.command.infrastructure.IdempotencyInterceptor;
import com.acme.inventory.command.infrastructure.IdempotencyRecord;
import com.acme.inventory.command.infrastructure.IdempotencyStore;
import com.acme.inventory.platform.database.DatabaseFailures;
import com.acme.inventory.platform.web.ApiProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends one command and turns its outcome into the HTTP response. With an Idempotency-Key, the
 * {@link IdempotencyInterceptor} stores the response in the command's own transaction, and a stored
 * response is replayed instead of running the command again. Conflicting writers (same product, same
 * key, same order line) are retried from fresh state with bounded, jittered back-off; rule violations
 * are answered at once and never retried.
 */
@Component
public class CommandRunner {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final CommandGateway commandGateway;
    private final IdempotencyStore idempotency;
    private final ObjectMapper objectMapper;
    private final int maxAttempts;
    private final Duration maxBackoff;
    private final Counter retries;
    private final Counter exhausted;
    private final CommandOutcomes outcomes;

    CommandRunner(
            CommandGateway commandGateway,
            IdempotencyStore idempotency,
            ObjectMapper objectMapper,
            MeterRegistry meters,
            CommandOutcomes outcomes,
            @Value("${inventory.command.max-attempts:25}") int maxAttempts,
            @Value("${inventory.command.max-backoff:100ms}") Duration maxBackoff) {
        this.commandGateway = commandGateway;
        this.idempotency = idempotency;
        this.objectMapper = objectMapper;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
        this.outcomes = outcomes;
        this.retries = Counter.builder("inventory.command.retries")
                .description("Commands retried after a conflicting concurrent write")
                .register(meters);
        this.exhausted = Counter.builder("inventory.command.conflicts.exhausted")
                .description("Commands answered CONCURRENT_MODIFICATION after all retries")
                .register(meters);
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
        String fingerprint = call.idempotencyKey() == null ? null : fingerprint(call);
        MetaData metaData = fingerprint == null
                ? MetaData.emptyInstance()
                : IdempotencyInterceptor.metaData(
                        call.idempotencyKey(), fingerprint, call.successStatus().value());
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (fingerprint != null) {
                Optional<IdempotencyRecord> stored = idempotency.find(call.idempotencyKey());
                if (stored.isPresent()) {
                    return replay(stored.get(), fingerprint, call);
                }
            }
            try {
                Object result = commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(call.command()).andMetaData(metaData));
                return new Answer(
                        new Reply(call.successStatus().value(), json(result)).toResponse(false),
                        CommandOutcomes.Outcome.ACCEPTED,
                        null);
            } catch (RuntimeException failure) {
                Optional<RuleViolation> violation = ruleViolation(failure);
                if (violation.isPresent()) {
                    return rejected(call, fingerprint, violation.get());
                }
                if (!isConflict(failure)) {
                    throw failure;
                }
                if (attempt == maxAttempts) {
                    break;
                }
                retries.increment();
                log.debug(
                        "Conflict on attempt {} of {}: {}",
                        attempt,
                        call.command().getClass().getSimpleName(),
                        failure.toString());
                backOff(attempt);
            }
        }
        exhausted.increment();
        return new Answer(
                problem(
                                call,
                                RuleViolation.of(
                                        ErrorCode.CONCURRENT_MODIFICATION,
                                        "Concurrent writers kept conflicting; retry the request."))
                        .toResponse(false),
                CommandOutcomes.Outcome.REJECTED,
                ErrorCode.CONCURRENT_MODIFICATION.name());
    }

    /** A rejection is an answer too: it is stored for the key (no events to be atomic with). */
    private Answer rejected(CommandCall call, String fingerprint, RuleViolation violation) {
        Reply reply = problem(call, violation);
        if (fingerprint != null) {
            try {
                idempotency.save(
                        new IdempotencyRecord(call.idempotencyKey(), fingerprint, reply.status(), reply.body()));
            } catch (DuplicateKeyException concurrentDuplicate) {
                return replay(idempotency.find(call.idempotencyKey()).orElseThrow(), fingerprint, call);
            }
        }
        return new Answer(
                reply.toResponse(false),
                CommandOutcomes.Outcome.REJECTED,
                violation.code().name());
    }

    private Answer replay(IdempotencyRecord stored, String fingerprint, CommandCall call) {
        if (!stored.requestHash().equals(fingerprint)) {
            return new Answer(
                    problem(
                                    call,
                                    RuleViolation.of(
                                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                            "This Idempotency-Key was used for a different request."))
                            .toResponse(false),
                    CommandOutcomes.Outcome.REJECTED,
                    ErrorCode.IDEMPOTENCY_KEY_REUSED.name());
        }
        return new Answer(
                new Reply(stored.status(), stored.body()).toResponse(true), CommandOutcomes.Outcome.REPLAYED, null);
    }

    private Reply problem(CommandCall call, RuleViolation violation) {
        ProblemDetail problem = ApiProblems.problem(violation.code(), violation.detail(), call.path());
        if (violation.available() != null) {
            problem.setProperty("available", violation.available());
        }
        if (violation.restorable() != null) {
            problem.setProperty("restorable", violation.restorable());
        }
        return new Reply(problem.getStatus(), json(problem));
    }

    private static Optional<RuleViolation> ruleViolation(RuntimeException failure) {
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(RuleViolation.of(
                    ErrorCode.PRODUCT_NOT_FOUND,
                    "Product '" + notFound.getAggregateIdentifier() + "' has no stock lines."));
        }
        if (failure instanceof CommandExecutionException execution) {
            return execution
                    .getDetails()
                    .filter(RuleViolation.class::isInstance)
                    .map(RuleViolation.class::cast);
        }
        return Optional.empty();
    }

    /**
     * Another writer got there first: the product's next sequence number (or its lock), the key, or the
     * order line; or the database chose this transaction as a deadlock's loser. A database that cannot be
     * reached is not a conflict: retrying would only hold the request longer before its 503.
     */
    private static boolean isConflict(Throwable failure) {
        if (DatabaseFailures.unreachable(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException
                    || t instanceof LockAcquisitionFailedException
                    || t instanceof AggregateStreamCreationException
                    || t instanceof DuplicateKeyException
                    || t instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }

    private void backOff(int attempt) {
        long capMillis = Math.min(maxBackoff.toMillis(), 1L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(capMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a command", e);
        }
    }

    private String fingerprint(CommandCall call) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((call.method() + ' ' + call.path() + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(objectMapper.writeValueAsBytes(call.requestBody()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
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

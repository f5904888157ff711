package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 problem bodies of the contract; the one place that maps error codes to statuses. */
public final class ApiProblems {

    /** What a 503 tells clients to wait: about the database health probe's interval and then some. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private ApiProblems() {}

    public record FieldError(String field, String message) {}

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED, MALFORMED_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND, PRODUCT_NOT_FOUND, VARIANT_NOT_FOUND, PROJECTION_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case STOCK_ALREADY_INITIALIZED,
                    STOCK_MODE_CONFLICT,
                    INSUFFICIENT_STOCK,
                    SALE_ALREADY_RECORDED,
                    SALE_NOT_FOUND,
                    RESTORE_EXCEEDS_SALE,
                    CONCURRENT_MODIFICATION,
                    REPLAY_IN_PROGRESS -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case IDEMPOTENCY_KEY_REUSED, QUANTITY_OUT_OF_RANGE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemDetail problem(ErrorCode code, String detail, String instance) {
        HttpStatus status = statusOf(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(
                "urn:inventory:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail validationProblem(List<FieldError> errors, String instance) {
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The content type is set explicitly so that a client's Accept header cannot turn an error into a 406;
     * a 503 says when to retry.
     */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }
}

package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.platform.database.ConciseFailureLog;
import com.acme.inventory.platform.database.DatabaseFailures;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns Spring MVC's own rejections (bad JSON, unknown fields, wrong media type, unknown routes...)
 * into the contract's problem responses. Each side adds an advice for its domain errors.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ConciseFailureLog databaseFailures = new ConciseFailureLog(log, Duration.ofSeconds(10));

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        String instance = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : null;
        ProblemDetail problem = toProblem(ex, instance);
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    responseHeaders.put(name, values);
                }
            });
        }
        return ResponseEntity.status(problem.getStatus())
                .headers(responseHeaders)
                .headers(ApiProblems.response(problem).getHeaders())
                .body(problem);
    }

    private ProblemDetail toProblem(Exception ex, String instance) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return ApiProblems.validationProblem(fieldErrors(invalid), instance);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            List<ApiProblems.FieldError> errors = new ArrayList<>();
            invalid.getAllValidationResults().forEach(result -> {
                if (result instanceof ParameterErrors bean) {
                    bean.getFieldErrors()
                            .forEach(error -> errors.add(new ApiProblems.FieldError(error.getField(), message(error))));
                } else {
                    result.getResolvableErrors()
                            .forEach(error -> errors.add(new ApiProblems.FieldError(
                                    parameterName(result.getMethodParameter()), message(error))));
                }
            });
            return ApiProblems.validationProblem(errors, instance);
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return ApiProblems.validationProblem(
                    List.of(new ApiProblems.FieldError(missing.getParameterName(), "is required")), instance);
        }
        if (ex instanceof TypeMismatchException mismatch) {
            String field = mismatch instanceof MethodArgumentTypeMismatchException argument
                    ? argument.getName()
                    : mismatch.getPropertyName();
            return ApiProblems.validationProblem(
                    List.of(new ApiProblems.FieldError(
                            field, "must be a value of type " + simpleName(mismatch.getRequiredType()))),
                    instance);
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            if (hasCause(unreadable, PayloadTooLargeException.class)) {
                return ApiProblems.problem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.", instance);
            }
            if (hasCause(unreadable, BodyReadTimeoutException.class)
                    || hasCause(unreadable, SocketTimeoutException.class)) {
                return ApiProblems.problem(
                        ErrorCode.MALFORMED_REQUEST, "The request body did not arrive in time.", instance);
            }
            return ApiProblems.problem(ErrorCode.MALFORMED_REQUEST, malformedDetail(unreadable), instance);
        }
        if (ex instanceof ServletRequestBindingException binding) {
            return ApiProblems.problem(ErrorCode.VALIDATION_FAILED, binding.getMessage(), instance);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return ApiProblems.problem(
                    ErrorCode.METHOD_NOT_ALLOWED, "Method " + method.getMethod() + " is not supported here.", instance);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ApiProblems.problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json.", instance);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return ApiProblems.problem(
                    ErrorCode.NOT_ACCEPTABLE, "This resource is served as application/json.", instance);
        }
        if (ex instanceof NoResourceFoundException) {
            return ApiProblems.problem(ErrorCode.NOT_FOUND, "No such resource.", instance);
        }
        return unavailable(ex, instance);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException ex, ServletWebRequest request) {
        return ApiProblems.response(ApiProblems.problem(
                ex.code(), ex.getMessage(), request.getRequest().getRequestURI()));
    }

    @ExceptionHandler(ApiValidationException.class)
    ResponseEntity<ProblemDetail> invalidField(ApiValidationException ex, ServletWebRequest request) {
        ProblemDetail problem =
                ApiProblems.validationProblem(ex.errors(), request.getRequest().getRequestURI());
        if (!ex.lines().isEmpty()) {
            problem.setProperty("lines", ex.lines());
        }
        return ApiProblems.response(problem);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException ex, ServletWebRequest request) {
        return ApiProblems.response(ApiProblems.validationProblem(
                fieldErrors(ex), request.getRequest().getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, ServletWebRequest request) {
        return ApiProblems.response(unavailable(ex, request.getRequest().getRequestURI()));
    }

    /**
     * 503 with Retry-After. A database that cannot be reached is logged in one line per kind and interval
     * (an outage fails every request); anything else is a bug, logged with its stack trace.
     */
    private ProblemDetail unavailable(Exception ex, String instance) {
        ProblemDetail problem;
        if (DatabaseFailures.unreachable(ex)) {
            databaseFailures.failed("Request failed, the database is unreachable", ex);
            problem = ApiProblems.problem(
                    ErrorCode.SERVICE_UNAVAILABLE, "The database is unavailable; retry later.", instance);
        } else {
            log.error("Unexpected error on {}", instance, ex);
            problem = ApiProblems.problem(
                    ErrorCode.SERVICE_UNAVAILABLE, "The request could not be served; retry later.", instance);
        }
        return problem;
    }

    private static List<ApiProblems.FieldError> fieldErrors(BindException ex) {
        List<ApiProblems.FieldError> errors = new ArrayList<>();
        for (FieldError error : ex.getFieldErrors()) {
            errors.add(new ApiProblems.FieldError(error.getField(), message(error)));
        }
        ex.getGlobalErrors()
                .forEach(error -> errors.add(new ApiProblems.FieldError(error.getObjectName(), message(error))));
        return errors;
    }

    /** The name a client sees: the path variable, query parameter or header name, else the Java name. */
    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        return parameter.getParameterName();
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String malformedDetail(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        String message = String.valueOf(cause.getMessage());
        if (message.startsWith("Duplicate field")) {
            return "A field appears twice: "
                    + message.substring("Duplicate field ".length()).split("\\R", 2)[0] + ".";
        }
        if (message.startsWith("Trailing token")) {
            return "Something follows the body's JSON value.";
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            return "Field '" + field + "' must be " + expected(mismatch.getTargetType()) + ".";
        }
        if (cause instanceof MismatchedInputException) {
            return "The body is not the expected JSON object.";
        }
        return "The request body is not valid JSON.";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "an integer";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}

package com.acme.inventory.platform.web;

import java.util.List;
import java.util.Map;

/**
 * Request fields that a controller checks itself (a header, lines that repeat each other): 400
 * VALIDATION_FAILED naming each field in {@code errors} and, where lines are at fault, each in {@code lines}.
 */
public class ApiValidationException extends RuntimeException {

    private final List<ApiProblems.FieldError> errors;
    private final List<Map<String, Object>> lines;

    public ApiValidationException(String field, String message) {
        this(List.of(new ApiProblems.FieldError(field, message)), List.of());
    }

    public ApiValidationException(List<ApiProblems.FieldError> errors, List<Map<String, Object>> lines) {
        super(errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
        this.lines = List.copyOf(lines);
    }

    public List<ApiProblems.FieldError> errors() {
        return errors;
    }

    public List<Map<String, Object>> lines() {
        return lines;
    }
}

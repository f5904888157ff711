package com.acme.inventory.platform.web;

/** A request field (a header, a parameter) that a controller checks itself: 400 VALIDATION_FAILED naming it. */
public class ApiValidationException extends RuntimeException {

    private final String field;

    public ApiValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

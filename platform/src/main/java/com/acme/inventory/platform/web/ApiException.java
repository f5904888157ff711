package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;

/** A request answered with a problem of the contract, e.g. {@code PRODUCT_NOT_FOUND} on a read. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

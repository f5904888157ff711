package com.acme.inventory.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds {@code inventory.web.max-body-size}. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}

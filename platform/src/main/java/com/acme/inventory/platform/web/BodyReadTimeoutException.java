package com.acme.inventory.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that has taken longer than {@code inventory.web.body-read-timeout}. */
public class BodyReadTimeoutException extends IOException {

    public BodyReadTimeoutException() {
        super("The request body did not arrive in time.");
    }
}

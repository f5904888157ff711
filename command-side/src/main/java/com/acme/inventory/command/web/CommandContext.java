package com.acme.inventory.command.web;

import com.acme.inventory.command.application.CommandRunner.CommandCall;
import org.springframework.http.HttpStatus;

/**
 * What every command endpoint takes besides its path and body: the caller's role (the events' actor),
 * the optional Idempotency-Key, and the request's method and path (for the key's fingerprint and a
 * problem's instance). Resolved from the request by {@link CommandContextResolver}.
 */
record CommandContext(String caller, String method, String path, String idempotencyKey) {

    CommandCall call(Object command, HttpStatus success, Object body) {
        return new CommandCall(command, success, method, path, body, idempotencyKey);
    }
}

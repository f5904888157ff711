package com.acme.inventory.command.infrastructure;

/** The first response to an Idempotency-Key, and a fingerprint of the request it answered. */
public record IdempotencyRecord(String key, String requestHash, int status, String body) {}

package com.acme.inventory.command.infrastructure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The first answer to an Idempotency-Key, compactly: the key's hash, the request's fingerprint, and the
 * answer as {@link StoredAnswers} encodes it (the request words it again).
 *
 * <p>64 bits of the key's hash keep a record with its index near 88 bytes (128 bits: ~110). Two keys of
 * one retention window share a hash about once in 4 years at 1,700 keyed commands a second around the
 * clock; the later request then meets another request's fingerprint and is refused 422
 * {@code IDEMPOTENCY_KEY_REUSED}, recording nothing.
 *
 * @param key         the first 64 bits of the key's SHA-256
 * @param requestHash the first 64 bits of the SHA-256 of the request (method, path and body)
 */
public record IdempotencyRecord(long key, long requestHash, byte[] answer) {

    public static long keyHash(String key) {
        return ByteBuffer.wrap(sha256(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

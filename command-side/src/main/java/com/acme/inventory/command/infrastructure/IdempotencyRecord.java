package com.acme.inventory.command.infrastructure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The first answer to an Idempotency-Key, compactly: the key's hash, the request's fingerprint, and the
 * answer as {@link StoredAnswers} encodes it (the request words it again).
 *
 * @param key         the first 128 bits of the key's SHA-256
 * @param requestHash the first 64 bits of the SHA-256 of the request (method, path and body)
 */
public record IdempotencyRecord(UUID key, long requestHash, byte[] answer) {

    public static UUID keyHash(String key) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(key.getBytes(StandardCharsets.UTF_8)));
        return new UUID(hash.getLong(), hash.getLong());
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

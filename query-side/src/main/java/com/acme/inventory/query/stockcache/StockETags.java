package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ProductStock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.ETag;

/**
 * Entity tags of the stock reads, from product versions: a product's answer changes exactly when its
 * version does (every event raises it), so a tag needs no look at the body. A batch's tag digests its ids
 * and their versions in request order.
 */
final class StockETags {

    private static final MessageDigest SHA_256 = newSha256();

    private StockETags() {}

    /** A product's read, its variant's and its availability's (the request names what else they show). */
    static ETag ofVersion(long version) {
        return new ETag("v" + version, false);
    }

    /** A batch's tag, to be given each requested id in request order. */
    static BatchTag ofBatch() {
        return new BatchTag();
    }

    /** Digests the ids and their versions (-1 for a missing product). */
    static final class BatchTag {
        private final MessageDigest digest = sha256();
        private final ByteBuffer version = ByteBuffer.allocate(Long.BYTES);

        private BatchTag() {}

        void add(String productId, ProductStock stock) {
            digest.update(productId.getBytes(StandardCharsets.UTF_8));
            version.clear();
            digest.update(version.putLong(stock == null ? -1 : stock.version()).array());
        }

        ETag tag() {
            return new ETag("b" + HexFormat.of().formatHex(digest.digest(), 0, 12), false);
        }
    }

    /** A copy of one digest made at start: looking the algorithm up among the providers each time cost more. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

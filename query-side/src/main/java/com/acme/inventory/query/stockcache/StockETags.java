package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ProductStock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.ETag;

/**
 * Entity tags of the stock reads, from product versions: a product's answer changes exactly when its
 * version does (every event raises it), so a tag needs no look at the body. A batch's tag digests its ids
 * and their versions in request order.
 */
final class StockETags {

    private StockETags() {}

    /** A product's read, its variant's and its availability's (the request names what else they show). */
    static ETag ofVersion(long version) {
        return new ETag("v" + version, false);
    }

    static ETag ofBatch(List<String> productIds, Map<String, ProductStock> found) {
        MessageDigest digest = sha256();
        ByteBuffer version = ByteBuffer.allocate(Long.BYTES);
        for (String id : productIds) {
            ProductStock stock = found.get(id);
            digest.update(id.getBytes(StandardCharsets.UTF_8));
            version.clear();
            digest.update(version.putLong(stock == null ? -1 : stock.version()).array());
        }
        return new ETag("b" + HexFormat.of().formatHex(digest.digest(), 0, 12), false);
    }

    /** Whether an {@code If-None-Match} header names this tag (weak comparison, or {@code *}). */
    static boolean matches(String ifNoneMatch, ETag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return ETag.parse(ifNoneMatch).stream()
                .anyMatch(candidate -> candidate.isWildcard() || candidate.compare(tag, false));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

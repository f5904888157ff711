package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.ProductStock.LineStock;
import com.acme.inventory.api.ProductStock.StockMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockETagsTest {

    private static ProductStock atVersion(String productId, long version) {
        return new ProductStock(
                productId,
                StockMode.PRODUCT,
                3,
                version,
                Instant.EPOCH,
                List.of(new LineStock(null, 3, Instant.EPOCH)));
    }

    private static String tag(Object... idsAndStocks) {
        StockETags.BatchTag tag = StockETags.ofBatch();
        for (int i = 0; i < idsAndStocks.length; i += 2) {
            tag.add((String) idsAndStocks[i], (ProductStock) idsAndStocks[i + 1]);
        }
        return tag.tag().formattedTag();
    }

    /** Tags that caches already hold stay valid across releases: the first 12 bytes of SHA-256, as before. */
    @Test
    void aBatchTagDigestsEachIdAndItsVersionInRequestOrder() {
        assertThat(tag("p-1", atVersion("p-1", 7), "none", null)).isEqualTo("\"b19bc4f1bb895a08c30c35459\"");
        assertThat(tag("none", null, "p-1", atVersion("p-1", 7))).isEqualTo("\"b14122f3ddb112c694390c12c\"");
    }

    @Test
    void aBatchTagChangesWithAnyVersionAndRepeatsForTheSameAnswer() {
        String before = tag("p-1", atVersion("p-1", 7), "p-2", atVersion("p-2", 1));

        assertThat(tag("p-1", atVersion("p-1", 7), "p-2", atVersion("p-2", 1))).isEqualTo(before);
        assertThat(tag("p-1", atVersion("p-1", 7), "p-2", atVersion("p-2", 2))).isNotEqualTo(before);
        assertThat(tag("p-1", atVersion("p-1", 7), "p-2", null)).isNotEqualTo(before);
    }
}

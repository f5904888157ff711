package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.ProductStock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a read with {@code minVersion} answers, against a scripted stock cache. */
class FreshnessGuardTest {

    private final StockCacheCommits commits = new StockCacheCommits();

    @Test
    void aProductAlreadyAtTheVersionIsAnsweredFromTheFirstRead() {
        ScriptedReader reader = new ScriptedReader(List.of(stock(3)));

        StockReads.Read read = new FreshnessGuard(reader, commits, null, Duration.ofSeconds(5)).read(List.of("p"), 3L);

        assertThat(read.fresh()).isTrue();
        assertThat(read.products().get("p").version()).isEqualTo(3);
        assertThat(reader.reads).isEqualTo(1);
    }

    @Test
    void aCommitSignalledJustAfterAnOlderReadIsReadAgainNotAnsweredWithTheOlderRow() {
        ScriptedReader reader = new ScriptedReader(List.of(stock(2), stock(3)));
        reader.afterFirstRead = () -> commits.committed(Map.of("p", 3L));

        StockReads.Read read = new FreshnessGuard(reader, commits, null, Duration.ofSeconds(5)).read(List.of("p"), 3L);

        assertThat(read.fresh()).isTrue();
        assertThat(read.products().get("p").version()).isEqualTo(3);
        assertThat(reader.reads).isEqualTo(2);
    }

    @Test
    void aVersionThatNeverArrivesIsAnsweredStaleWhenTheWaitRunsOut() {
        ScriptedReader reader = new ScriptedReader(List.of(stock(2)));

        StockReads.Read read = new FreshnessGuard(reader, commits, null, Duration.ofMillis(60)).read(List.of("p"), 3L);

        assertThat(read.fresh()).isFalse();
        assertThat(read.products().get("p").version()).isEqualTo(2);
        assertThat(commits.waitedForProducts()).isZero();
    }

    private static ProductStock stock(long version) {
        return new ProductStock("p", ProductStock.StockMode.VARIANTS, 1, version, Instant.EPOCH, List.of());
    }

    /** Answers the scripted rows in turn, then repeats the last. */
    private static final class ScriptedReader extends StockReader {

        private final Deque<ProductStock> rows;
        private Runnable afterFirstRead = () -> {};
        private int reads;

        ScriptedReader(List<ProductStock> rows) {
            super(null);
            this.rows = new ArrayDeque<>(rows);
        }

        @Override
        Map<String, ProductStock> products(Collection<String> productIds) {
            reads++;
            ProductStock row = rows.size() > 1 ? rows.poll() : rows.peek();
            if (reads == 1) {
                afterFirstRead.run();
            }
            return Map.of(row.productId(), row);
        }
    }
}

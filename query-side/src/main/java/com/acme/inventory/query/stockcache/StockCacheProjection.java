package com.acme.inventory.query.stockcache;

import static com.acme.inventory.query.projection.BatchWrites.instant;
import static com.acme.inventory.query.projection.BatchWrites.number;
import static com.acme.inventory.query.projection.BatchWrites.text;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.query.projection.BatchWrites;
import com.acme.inventory.query.projection.ProjectionSql;
import com.acme.inventory.query.projection.Projections;
import com.acme.inventory.query.projection.RebuildableProjection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stock-cache projection: one row per stock line, with the version of the last event that
 * changed it. Every event changes exactly one line, so a product's version is its lines' highest
 * and needs no row of its own. Each event carries the line's resulting units, so a row is set, not
 * incremented, and only by a newer version (or when a replay marked it pending): redelivery and
 * replay leave the same rows. The newest state of each line in a processor batch is written in one
 * statement (its columns bound as arrays; see {@link ProjectionSql}), in the batch's transaction with
 * the processor's token.
 */
@Component
@ProcessingGroup(StockCacheProjection.NAME)
class StockCacheProjection implements RebuildableProjection {

    static final String NAME = Projections.STOCK_CACHE;

    private final JdbcTemplate jdbc;
    private final StockCacheCommits commits;
    private final boolean readsFromTable;
    private final String writeLines;

    /** @param reads where the stock reads come from: waiting reads are woken by this table's commits only for {@code table} */
    StockCacheProjection(
            JdbcTemplate jdbc,
            ProjectionSql sql,
            StockCacheCommits commits,
            @Value("${" + StockReadsConfiguration.SETTING + ":memory}") String reads) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.readsFromTable = reads.equals("table");
        this.writeLines = sql.choose(UPSERT_LINES, MERGE_LINES);
    }

    /** The newest state per line seen in one processor batch. */
    static final class Batch {
        final Map<String, StockLine> lines = new HashMap<>();

        void add(InventoryEvent event, long version, Instant at) {
            StockLine line = StockLine.after(event, version, at);
            lines.merge(
                    line.productId() + '\u0000' + line.line().value(),
                    line,
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        BatchWrites.add(NAME, Batch::new, batch -> batch.add(event, sequenceNumber + 1, occurredAt), this::write);
    }

    private void write(Batch batch) {
        jdbc.update(
                writeLines,
                BatchWrites.columns(
                        batch.lines.values(),
                        text(StockLine::productId),
                        text(line -> line.line().value()),
                        text(line -> line.line().variantId()),
                        number(StockLine::available),
                        number(StockLine::version),
                        instant(StockLine::updatedAt)));
        if (readsFromTable) {
            Map<String, Long> versions = new HashMap<>();
            batch.lines.values().forEach(line -> versions.merge(line.productId(), line.version(), Math::max));
            BatchWrites.afterCommit(() -> commits.committed(versions));
        }
    }

    private static final String BATCH_LINES = """
            SELECT * FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(64) ARRAY),
                                 CAST(? AS VARCHAR(64) ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY),
                                 CAST(? AS VARCHAR(40) ARRAY))
                   AS s(product_id, line_key, variant_id, available, version, updated_at)""";

    /** PostgreSQL: insert, or update a row only from a newer version or when pending. */
    static final String UPSERT_LINES = """
            INSERT INTO stock_cache AS t (product_id, line_key, variant_id, available, version, updated_at)
            SELECT product_id, line_key, variant_id, available, version, CAST(updated_at AS TIMESTAMP WITH TIME ZONE)
            FROM (%s) s
            ON CONFLICT (product_id, line_key) DO UPDATE
                SET available = EXCLUDED.available, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
                    rebuild_pending = FALSE
                WHERE t.version < EXCLUDED.version OR t.rebuild_pending""".formatted(BATCH_LINES);

    /** Standard SQL MERGE (H2), same effect. */
    private static final String MERGE_LINES = """
            MERGE INTO stock_cache t
            USING (%s) s
            ON t.product_id = s.product_id AND t.line_key = s.line_key
            WHEN MATCHED AND (t.version < s.version OR t.rebuild_pending) THEN
                UPDATE SET available = s.available, version = s.version,
                           updated_at = CAST(s.updated_at AS TIMESTAMP WITH TIME ZONE), rebuild_pending = FALSE
            WHEN NOT MATCHED THEN
                INSERT (product_id, line_key, variant_id, available, version, updated_at)
                VALUES (s.product_id, s.line_key, s.variant_id, s.available, s.version,
                        CAST(s.updated_at AS TIMESTAMP WITH TIME ZONE))""".formatted(BATCH_LINES);

    /** Rows stay readable during a replay; each is rebuilt by its product's events (see V4 migration). */
    @ResetHandler
    void reset() {
        jdbc.update("UPDATE stock_cache SET rebuild_pending = TRUE");
    }

    @Override
    public String projectionName() {
        return NAME;
    }

    @Override
    public void removeRowsWithoutEvents() {
        jdbc.update("DELETE FROM stock_cache WHERE rebuild_pending");
    }
}

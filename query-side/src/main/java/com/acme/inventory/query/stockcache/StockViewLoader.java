package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.LineKey;
import com.acme.inventory.query.projection.Projections;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the {@link StockView} from the stock-cache table and says where the events take over: the rows
 * and every segment's token are read in one snapshot (a segment's rows commit with its token), and the
 * view's processor starts from the lowest of those tokens. Events between that and a segment's own token
 * are already in its rows and change nothing. Without tokens (a new database) it starts from the first
 * event.
 */
class StockViewLoader {

    private static final Logger log = LoggerFactory.getLogger(StockViewLoader.class);

    private final StockView view;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;

    StockViewLoader(StockView view, JdbcTemplate jdbc, Serializer serializer, PlatformTransactionManager transactions) {
        this.view = view;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Loads the table's lines and answers the token to continue from (null: from the first event). */
    TrackingToken load() {
        long started = System.nanoTime();
        TrackingToken start = snapshot.execute(status -> {
            List<TrackingToken> tokens = new ArrayList<>();
            jdbc.query(
                    "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                    rs -> {
                        tokens.add(deserialize(rs.getBytes(1), rs.getString(2)));
                    },
                    Projections.STOCK_CACHE);
            jdbc.query("SELECT product_id, variant_id, available, version, updated_at FROM stock_cache", rs -> {
                view.apply(
                        rs.getString(1),
                        LineKey.of(rs.getString(2)),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant());
            });
            return lowest(tokens);
        });
        view.markLoaded();
        log.info(
                "Stock view loaded: {} products from the stock-cache table in {} ms; events from {}",
                view.productCount(),
                (System.nanoTime() - started) / 1_000_000,
                start == null ? "the first" : start);
        return start;
    }

    /** The position below every segment's (each unwrapped from a replay), with their gaps; null if any is null. */
    private static TrackingToken lowest(List<TrackingToken> tokens) {
        TrackingToken lowest = null;
        for (TrackingToken token : tokens) {
            if (token == null) {
                return null;
            }
            TrackingToken bound = WrappedToken.unwrapLowerBound(token);
            lowest = lowest == null ? bound : lowest.lowerBound(bound);
        }
        return lowest;
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
    }
}

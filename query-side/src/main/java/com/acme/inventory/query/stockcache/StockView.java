package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.ProductStock.LineStock;
import com.acme.inventory.api.ProductStock.StockMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.util.CollectionUtils;

/**
 * Every product's stock lines in memory, on each query-side instance and for all products (whichever
 * instance holds a product's stock-cache segment), so that stock reads need no query. Loaded from the
 * stock-cache table at start and kept by the events from there ({@link StockViewProjection}). A line takes
 * an event only when the event is newer than the line, as the table's rows do, so events the table
 * already held change nothing. One thread writes; a product is replaced whole, so a reader sees each
 * product as one event left it.
 */
final class StockView {

    /**
     * A product's answer, each line's version in the same order (to tell newer events), and the answer as
     * JSON (UTF-8) once a read has rendered it: a product is replaced whole when it changes, and its JSON with it.
     */
    private static final class Product {
        private final ProductStock stock;
        private final long[] versions;
        private volatile byte[] json;

        Product(ProductStock stock, long[] versions) {
            this.stock = stock;
            this.versions = versions;
        }

        ProductStock stock() {
            return stock;
        }

        long[] versions() {
            return versions;
        }
    }

    private final Map<String, Product> products = new ConcurrentHashMap<>();
    /** Variant ids repeat across products (sizes, colours): each is kept once. */
    private final Map<String, String> variantIds = new ConcurrentHashMap<>();

    private volatile boolean loaded;
    private final AtomicLong applied = new AtomicLong();

    /** True once the table's lines are in: before that a product could look missing that is not. */
    boolean loaded() {
        return loaded;
    }

    void markLoaded() {
        loaded = true;
    }

    /** The products found among these ids, in request order; a product with no line is missing. */
    Map<String, ProductStock> products(Collection<String> productIds) {
        Map<String, ProductStock> found = CollectionUtils.newLinkedHashMap(productIds.size());
        for (String id : productIds) {
            Product product = products.get(id);
            if (product != null) {
                found.put(id, product.stock());
            }
        }
        return found;
    }

    /**
     * The product's answer as JSON, rendered once while the product is unchanged; a stock this view no longer
     * holds (the product changed since it was read) is rendered anew each time.
     */
    byte[] json(ProductStock stock, Function<ProductStock, byte[]> render) {
        Product product = products.get(stock.productId());
        if (product == null || product.stock() != stock) {
            return render.apply(stock);
        }
        byte[] json = product.json;
        if (json == null) {
            json = render.apply(stock);
            product.json = json;
        }
        return json;
    }

    int productCount() {
        return products.size();
    }

    /** Lines applied since the view was loaded (from events; the table's rows not counted). */
    long appliedSinceLoad() {
        return applied.get();
    }

    /**
     * A line as an event or the table left it; ignored unless newer than the line it replaces.
     *
     * @return the product's version afterwards
     */
    long apply(String productId, LineKey line, long available, long version, Instant updatedAt) {
        if (loaded) {
            applied.incrementAndGet();
        }
        Product product =
                products.compute(productId, (id, current) -> with(id, current, line, available, version, updatedAt));
        return product.stock().version();
    }

    private Product with(
            String productId, Product current, LineKey line, long available, long version, Instant updatedAt) {
        String variantId = line.isProductLevel() ? null : variantIds.computeIfAbsent(line.value(), v -> v);
        LineStock changed = new LineStock(variantId, available, updatedAt.truncatedTo(ChronoUnit.MICROS));
        if (current == null) {
            return product(productId, List.of(changed), new long[] {version});
        }
        List<LineStock> lines = current.stock().lines();
        int index = indexOf(lines, line);
        if (index >= 0 && current.versions()[index] >= version) {
            return current;
        }
        List<LineStock> updated = new ArrayList<>(lines);
        long[] versions;
        if (index >= 0) {
            updated.set(index, changed);
            versions = current.versions().clone();
            versions[index] = version;
        } else {
            int at = -index - 1;
            updated.add(at, changed);
            versions = new long[lines.size() + 1];
            System.arraycopy(current.versions(), 0, versions, 0, at);
            versions[at] = version;
            System.arraycopy(current.versions(), at, versions, at + 1, lines.size() - at);
        }
        return product(productId, updated, versions);
    }

    /** The line's index among lines sorted by key, or {@code -(insertion point) - 1}. */
    private static int indexOf(List<LineStock> lines, LineKey line) {
        int low = 0;
        int high = lines.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = LineKey.of(lines.get(middle).variantId()).value().compareTo(line.value());
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -low - 1;
    }

    /** As {@link StockReader#stock}: the product's version and time are its newest line's. */
    private static Product product(String productId, List<LineStock> lines, long[] versions) {
        int newest = 0;
        boolean productLevel = false;
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            newest = versions[i] > versions[newest] ? i : newest;
            productLevel |= lines.get(i).variantId() == null;
            total += lines.get(i).available();
        }
        ProductStock stock = new ProductStock(
                productId,
                productLevel ? StockMode.PRODUCT : StockMode.VARIANTS,
                total,
                versions[newest],
                lines.get(newest).updatedAt(),
                List.copyOf(lines));
        return new Product(stock, versions);
    }
}

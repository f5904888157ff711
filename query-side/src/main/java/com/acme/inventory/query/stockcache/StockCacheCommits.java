package com.acme.inventory.query.stockcache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes a read that waits for a product version when this instance's stock-cache projection has
 * committed that version, and only that read: waking every waiting read on every commit made each of
 * them look in the database again (2.3 looks per read at 700 sales a second), mostly for nothing.
 */
@Component
class StockCacheCommits {

    private final Object monitor = new Object();
    private final Map<String, List<Wait>> waitsByProduct = new HashMap<>();
    /** Waits registered and not closed (read without the monitor: most commits have none to signal). */
    private volatile int waiting;

    /** A read's wait for {@code minVersion} of some products: registered before it looks in the database. */
    final class Wait implements AutoCloseable {

        private final Set<String> products;
        private final long minVersion;
        private final Set<String> pending;
        private final CountDownLatch reachedAll = new CountDownLatch(1);

        private Wait(Collection<String> productIds, long minVersion) {
            this.products = Set.copyOf(productIds);
            this.minVersion = minVersion;
            this.pending = new HashSet<>(products);
        }

        /** Products the database already shows at the version need no signal. */
        void reached(Collection<String> productIds) {
            synchronized (monitor) {
                productIds.forEach(this::reached);
            }
        }

        private void reached(String productId) {
            if (pending.remove(productId) && pending.isEmpty()) {
                reachedAll.countDown();
            }
        }

        /** True once every product has reached the version, waiting up to {@code maxMillis} for it. */
        boolean await(long maxMillis) throws InterruptedException {
            return reachedAll.await(maxMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            synchronized (monitor) {
                waiting--;
                for (String productId : products) {
                    List<Wait> waits = waitsByProduct.get(productId);
                    if (waits != null && waits.remove(this) && waits.isEmpty()) {
                        waitsByProduct.remove(productId);
                    }
                }
            }
        }
    }

    Wait register(Collection<String> productIds, long minVersion) {
        Wait wait = new Wait(productIds, minVersion);
        synchronized (monitor) {
            waiting++;
            for (String productId : wait.products) {
                waitsByProduct
                        .computeIfAbsent(productId, id -> new ArrayList<>())
                        .add(wait);
            }
        }
        return wait;
    }

    /** Products some read is waiting for (each read removes its wait when it answers). */
    int waitedForProducts() {
        synchronized (monitor) {
            return waitsByProduct.size();
        }
    }

    /** After a batch's commit: the version each product's row has now reached at least. */
    void committed(Map<String, Long> versions) {
        if (waiting == 0) {
            return;
        }
        synchronized (monitor) {
            versions.forEach((productId, version) -> {
                for (Wait wait : waitsByProduct.getOrDefault(productId, List.of())) {
                    if (version >= wait.minVersion) {
                        wait.reached(productId);
                    }
                }
            });
        }
    }
}

package com.acme.inventory.command.concurrency;

import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A command handler interceptor for tests of the group-commit writer. It records which commands ran in
 * which transaction (attempt), and, for a sale's order id it was told about, holds the writer once right
 * after that command ran (inside its transaction, before the commit) or fails that command.
 */
final class WriterHold implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** A one-time hold: {@link #reached} once the writer is held, {@link #release} lets it go. */
    static final class Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void awaitReached() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the writer never reached the hold");
            }
        }

        void release() {
            release.countDown();
        }
    }

    private final Map<String, Gate> holds = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<List<String>> attempts = new ArrayList<>();
    private Object currentRoot;

    /** Holds the writer after the sale of this order id next runs. */
    Gate holdAfter(String orderId) {
        Gate gate = new Gate();
        holds.put(orderId, gate);
        return gate;
    }

    /** The sale of this order id fails the next {@code times} times it runs, as a failing statement would. */
    void fail(String orderId, int times) {
        failures.put(orderId, times);
    }

    /** The order ids of the sales each transaction ran, in order; a retried batch is a new attempt. */
    synchronized List<List<String>> attempts() {
        return attempts.stream().map(List::copyOf).toList();
    }

    /** The attempts that ran any of these order ids. */
    List<List<String>> attemptsWith(List<String> orderIds) {
        return attempts().stream()
                .filter(attempt -> attempt.stream().anyMatch(orderIds::contains))
                .toList();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String orderId = orderId(unitOfWork.getMessage().getPayload());
        if (orderId == null) {
            return chain.proceed();
        }
        record(unitOfWork.root(), orderId);
        Integer failuresLeft = failures.computeIfPresent(orderId, (id, n) -> n - 1);
        if (failuresLeft != null) {
            failures.remove(orderId, 0);
            throw new IllegalStateException("injected failure of " + orderId);
        }
        Object result = chain.proceed();
        Gate gate = holds.remove(orderId);
        if (gate != null) {
            gate.reached.countDown();
            if (!gate.release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
        return result;
    }

    private synchronized void record(Object root, String orderId) {
        if (root != currentRoot) {
            currentRoot = root;
            attempts.add(new ArrayList<>());
        }
        attempts.get(attempts.size() - 1).add(orderId);
    }

    private static String orderId(Object payload) {
        if (payload instanceof DeductStockForSaleCommand sale) {
            return sale.orderId();
        }
        if (payload instanceof DeductStockForOrderCommand order) {
            return order.orderId();
        }
        return null;
    }
}

package com.acme.inventory.command.infrastructure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What one transaction of the group-commit writer reads and writes besides its events: each store keeps a
 * stage here (rows it looked up, so that each is read once per batch; rows to write). The stages are
 * written just before the events, in one fixed order of tables and, within a table, in key order (the
 * events are appended in product order too): two instances' transactions then take the locks of the rows
 * they share in the same order, and cannot deadlock.
 */
public final class WriteBatch {

    /** A store's part of the batch. */
    public interface Stage {
        /** Where this stage's table comes in the fixed order of writes. */
        int flushOrder();

        void flush();
    }

    static final int ORDER_SALES = 1;
    static final int SALE_LEDGER = 2;
    static final int IDEMPOTENCY = 3;

    private static final String RESOURCE = WriteBatch.class.getName();

    private final Map<Object, Stage> stages = new LinkedHashMap<>();

    private WriteBatch() {}

    /** Opens a batch on a root unit of work; its stages are written when the unit of work prepares to commit. */
    static WriteBatch open(UnitOfWork<?> root) {
        WriteBatch batch = new WriteBatch();
        root.resources().put(RESOURCE, batch);
        root.onPrepareCommit(u -> batch.flush());
        return batch;
    }

    /** The batch of the unit of work in progress, if it runs in one. */
    static Optional<WriteBatch> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    /** The stage of a store (one per owner and batch), created on first use. */
    @SuppressWarnings("unchecked")
    <S extends Stage> S stage(Object owner, Supplier<S> create) {
        return (S) stages.computeIfAbsent(owner, o -> create.get());
    }

    private void flush() {
        List<Stage> ordered = new ArrayList<>(stages.values());
        ordered.sort(Comparator.comparingInt(Stage::flushOrder));
        ordered.forEach(Stage::flush);
    }
}

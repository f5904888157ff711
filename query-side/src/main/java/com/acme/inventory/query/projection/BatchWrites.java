package com.acme.inventory.query.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Collects a projection's row changes over the processor's batch and writes them once, just before
 * the batch commits with its token: one set-based statement per table instead of several per event.
 * Outside a unit of work (a direct call), the changes are written at once.
 */
public final class BatchWrites {

    private BatchWrites() {}

    /** Adds to the batch of the current unit of work, creating it (and its flush) on first use. */
    public static <B> void add(String key, Supplier<B> newBatch, Consumer<B> change, Consumer<B> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            B batch = newBatch.get();
            change.accept(batch);
            flush.accept(batch);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        B batch = unitOfWork.getOrComputeResource(key, k -> {
            B created = newBatch.get();
            unitOfWork.onPrepareCommit(u -> flush.accept(created));
            return created;
        });
        change.accept(batch);
    }

    /** Runs the action once the current unit of work has committed (at once outside one). */
    public static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }

    /**
     * A column of a batch: its values go to the statement as one array parameter, which the statement
     * turns back into rows with {@code UNNEST}. A batch of any size is then one statement with one
     * parameter per column, prepared once and reused, instead of a parameter per value.
     */
    public interface Column<R> {
        Object array(List<R> rows);
    }

    public static <R> Column<R> text(Function<R, String> value) {
        return rows -> rows.stream().map(value).toArray(String[]::new);
    }

    public static <R> Column<R> number(ToLongFunction<R> value) {
        return rows -> rows.stream().map(row -> value.applyAsLong(row)).toArray(Long[]::new);
    }

    /** ISO-8601 text, read back by the statement with {@code CAST(... AS TIMESTAMP WITH TIME ZONE)}. */
    public static <R> Column<R> instant(Function<R, Instant> value) {
        return rows -> rows.stream().map(row -> value.apply(row).toString()).toArray(String[]::new);
    }

    /** Binds each column's values, in order, as the statement's array parameters. */
    @SafeVarargs
    public static <R> PreparedStatementSetter columns(Collection<R> rows, Column<R>... columns) {
        List<R> ordered = List.copyOf(rows);
        return statement -> {
            for (int i = 0; i < columns.length; i++) {
                statement.setObject(i + 1, columns[i].array(ordered));
            }
        };
    }
}

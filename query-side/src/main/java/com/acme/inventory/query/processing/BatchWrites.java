package com.acme.inventory.query.processing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a projection's row changes over the processor's batch and writes them once, just before
 * the batch commits with its token: a few set-based statements instead of several per event. Outside
 * a unit of work (a direct call), the changes are written at once.
 */
public final class BatchWrites {

    private BatchWrites() {
    }

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

    /** Rows per multi-row statement: well below the drivers' limit on parameters. */
    public static final int ROWS_PER_STATEMENT = 500;

    /** {@code tuple, tuple, ...}: the VALUES list of a multi-row statement. */
    public static String values(int rows, String tuple) {
        return String.join(", ", Collections.nCopies(rows, tuple));
    }

    public static <T> List<List<T>> chunks(Collection<T> rows) {
        List<T> all = new ArrayList<>(rows);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    /** A typed null, so that the driver does not have to ask the database for the parameter's type. */
    public static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}

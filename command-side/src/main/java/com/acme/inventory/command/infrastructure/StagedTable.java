package com.acme.inventory.command.infrastructure;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A table of rows written once and looked up by key. Inside a write batch, each key is read at most once per
 * batch and new rows are staged, then written with the batch's events in key order; outside one, both go
 * to the database at once.
 */
final class StagedTable<K extends Comparable<K>, V> {

    private final int flushOrder;
    private final Function<List<K>, Map<K, Optional<V>>> read;
    private final Consumer<SortedMap<K, V>> insert;

    /**
     * @param read returns an entry for every key asked for, empty where there is no row
     * @param insert writes the rows, in the iteration order of the map
     */
    StagedTable(int flushOrder, Function<List<K>, Map<K, Optional<V>>> read, Consumer<SortedMap<K, V>> insert) {
        this.flushOrder = flushOrder;
        this.read = read;
        this.insert = insert;
    }

    Optional<V> find(K key) {
        return WriteBatch.current()
                .map(batch -> stage(batch).find(key))
                .orElseGet(() -> read.apply(List.of(key)).get(key));
    }

    void insert(K key, V row) {
        Optional<WriteBatch> batch = WriteBatch.current();
        if (batch.isPresent()) {
            stage(batch.get()).inserts.put(key, row);
        } else {
            insert.accept(new TreeMap<>(Map.of(key, row)));
        }
    }

    /**
     * In a write batch, the keys its commands will look up: read in one query, or, on a first attempt,
     * taken to have no row (an insert that finds one fails the batch on the primary key; see
     * {@link BatchPreparer}).
     */
    void prepare(Collection<K> keys, int attempt) {
        if (attempt == 1) {
            WriteBatch.current()
                    .ifPresent(batch -> keys.forEach(key -> stage(batch).known.putIfAbsent(key, Optional.empty())));
        } else {
            prefetch(keys);
        }
    }

    private void prefetch(Collection<K> keys) {
        WriteBatch.current().ifPresent(batch -> {
            Stage stage = stage(batch);
            List<K> unknown = keys.stream()
                    .filter(key -> !stage.known.containsKey(key))
                    .distinct()
                    .toList();
            if (!unknown.isEmpty()) {
                stage.known.putAll(read.apply(unknown));
            }
        });
    }

    private Stage stage(WriteBatch batch) {
        return batch.stage(this, Stage::new);
    }

    private final class Stage implements WriteBatch.Stage {
        final Map<K, Optional<V>> known = new HashMap<>();
        final SortedMap<K, V> inserts = new TreeMap<>();

        Optional<V> find(K key) {
            V staged = inserts.get(key);
            return staged != null
                    ? Optional.of(staged)
                    : known.computeIfAbsent(key, k -> read.apply(List.of(k)).get(k));
        }

        @Override
        public int flushOrder() {
            return flushOrder;
        }

        @Override
        public void flush() {
            if (!inserts.isEmpty()) {
                insert.accept(inserts);
            }
        }
    }
}

package io.clientportal.messaging.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * One table of a tenant's data: rows by key, every change recorded in the unit of work's undo log, so that a unit
 * that fails leaves the table as it found it. Guarded by the store's lock.
 */
final class Table<K, V> {

    private final Map<K, V> rows;

    private Table(Map<K, V> rows) {
        this.rows = rows;
    }

    /** A table kept in key order, so that ranges of it can be read ({@link #range}). */
    static <K, V> Table<K, V> sorted(Comparator<? super K> order) {
        return new Table<>(new TreeMap<>(order));
    }

    /** A table in the order rows were last put (a put of an existing key moves it to the end). */
    static <K, V> Table<K, V> linked() {
        return new Table<>(new LinkedHashMap<>());
    }

    /** A table without an order. */
    static <K, V> Table<K, V> hashed() {
        return new Table<>(new HashMap<>());
    }

    Optional<V> find(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    void put(UndoLog undo, K key, V value) {
        // A linked table keeps rows in the order they were last put: the row moves to the end.
        V old = rows instanceof LinkedHashMap ? rows.remove(key) : rows.get(key);
        rows.put(key, value);
        undo.push(() -> {
            if (old == null) {
                rows.remove(key);
            } else {
                rows.put(key, old);
            }
        });
    }

    /** Removes a row; returns it, or {@code null} if there was none. */
    V remove(UndoLog undo, K key) {
        V old = rows.remove(key);
        if (old != null) {
            undo.push(() -> rows.put(key, old));
        }
        return old;
    }

    /** Removes the rows that match; returns their keys, in the table's order. */
    List<K> removeIf(UndoLog undo, BiPredicate<K, V> matches) {
        List<K> removed = new ArrayList<>();
        for (Map.Entry<K, V> row : snapshot()) {
            if (matches.test(row.getKey(), row.getValue())) {
                remove(undo, row.getKey());
                removed.add(row.getKey());
            }
        }
        return removed;
    }

    /**
     * A copy of every row, to change the table while going through it. (Copies of the pairs, not the map's entries:
     * a sorted map reuses an entry object for another row when it removes one.)
     */
    List<Map.Entry<K, V>> snapshot() {
        return rows.entrySet().stream().map(row -> Map.entry(row.getKey(), row.getValue())).toList();
    }

    /** Every row, read-only, in key order for a sorted table. */
    Map<K, V> all() {
        return Collections.unmodifiableMap(rows);
    }

    /** The rows from {@code from} on, inclusive, read-only; sorted tables only. */
    NavigableMap<K, V> from(K from) {
        return Collections.unmodifiableNavigableMap(((NavigableMap<K, V>) rows).tailMap(from, true));
    }
}

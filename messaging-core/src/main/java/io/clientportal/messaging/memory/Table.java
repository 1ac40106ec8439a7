package io.clientportal.messaging.memory;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

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
        V old = rows.put(key, value);
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

    /** Every row, read-only, in key order for a sorted table. */
    Map<K, V> all() {
        return Collections.unmodifiableMap(rows);
    }

    /** The rows from {@code from} on, inclusive, read-only; sorted tables only. */
    NavigableMap<K, V> from(K from) {
        return Collections.unmodifiableNavigableMap(((NavigableMap<K, V>) rows).tailMap(from, true));
    }
}

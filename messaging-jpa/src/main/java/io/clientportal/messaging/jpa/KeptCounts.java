package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant-wide counts kept as rows are written ({@code ReadStateRows}): the tenant's countable, spread over a few
 * stripe rows (by conversation) so that posts in different conversations don't queue on one row, summed when read;
 * and the kept totals of readers' read counts. Also remembers which conversations this unit of work has locked, so
 * that a horizon moved by a post (which locked its conversation to take the seq) locks nothing more.
 */
final class KeptCounts {

    /** How many rows the tenant's countable is spread over. */
    static final int STRIPES = 16;

    private final Jdbc jdbc;
    private final String tenantId;
    private final Set<UUID> locked = new HashSet<>();

    /** The tenant's countable, the sum of its stripes, as a scalar subquery; its one parameter is the tenant. */
    static final String TENANT_COUNTABLE = "(SELECT COALESCE(SUM(countable), 0) FROM messaging_tenant_count"
            + " WHERE tenant_id = ?)";

    KeptCounts(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    /** The stripe a conversation's changes go to. Any would do for the sum; the same one keeps them apart. */
    static int stripe(UUID conversationId) {
        return Math.floorMod(conversationId.hashCode(), STRIPES);
    }

    /** Notes that this unit holds the conversation's row lock (until it ends). */
    void locked(UUID conversationId) {
        locked.add(conversationId);
    }

    /** Locks the conversation's row until this unit ends, unless it holds the lock already. */
    void lock(UUID conversationId) {
        if (locked.add(conversationId)) {
            jdbc.queryOne("SELECT id FROM messaging_conversation WHERE tenant_id = ? AND id = ? FOR UPDATE",
                    row -> Boolean.TRUE, tenantId, conversationId);
        }
    }

    /** Adds {@code delta} to the tenant's countable (a conversation's countable changed by it). */
    void addToTenant(UUID conversationId, long delta) {
        if (delta != 0) {
            add("messaging_tenant_count", "countable", "stripe = ?", new Object[]{stripe(conversationId)}, delta);
        }
    }

    /** Adds {@code delta} to a reader's kept total, keeping one from now on if none is. */
    void addToReader(Actor reader, long delta) {
        if (delta != 0) {
            add("messaging_reader_total", "read_count", "reader_kind = ? AND reader_id = ?",
                    new Object[]{reader.kind(), reader.id()}, delta);
        }
    }

    /**
     * Adds {@code delta} to a counter row, inserting it where there is none. PostgreSQL: one upsert. H2: an UPDATE
     * first (the common case, one statement), then an INSERT; a concurrent first insert wins on the key and this
     * one updates after all.
     */
    private void add(String table, String column, String key, Object[] keys, long delta) {
        String keyColumns = key.replace(" = ?", "").replace(" AND", ",");
        Object[] insert = new Object[keys.length + 2];
        insert[0] = tenantId;
        System.arraycopy(keys, 0, insert, 1, keys.length);
        insert[keys.length + 1] = delta;
        String values = " (tenant_id, " + keyColumns + ", " + column + ") VALUES (?, " + "?, ".repeat(keys.length)
                + "?)";
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("INSERT INTO " + table + values + " ON CONFLICT (tenant_id, " + keyColumns + ") DO UPDATE SET "
                    + column + " = " + table + "." + column + " + EXCLUDED." + column, insert);
            return;
        }
        Object[] update = new Object[keys.length + 2];
        update[0] = delta;
        update[1] = tenantId;
        System.arraycopy(keys, 0, update, 2, keys.length);
        String sql = "UPDATE " + table + " SET " + column + " = " + column + " + ? WHERE tenant_id = ? AND " + key;
        if (jdbc.update(sql, update) > 0) {
            return;
        }
        if (!jdbc.insertUnlessDuplicate("INSERT INTO " + table + values, insert)) {
            jdbc.update(sql, update);
        }
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant-wide counts kept as rows are written ({@code ReadStateRows}): the tenant's countable and the kept totals
 * of readers' read counts, each spread over at most {@link #SLOTS} slot rows that are summed when read. A unit of
 * work adds to its thread's slot, so that units open at the same time on one instance never wait for each other on
 * these rows, however long a host keeps its transaction open: one row per counter made every post of a tenant (and
 * every post and read of one owner) wait for the open one. ({@code FOR UPDATE SKIP LOCKED} was tried: H2 2.4 skips
 * rows it need not and deadlocks in the UPDATE's subquery, so slots multiplied.) Also
 * remembers which conversations this unit of work has locked, so that a horizon moved by a post (which locked its
 * conversation to take the seq) locks nothing more.
 */
final class KeptCounts {

    private static final String TENANT_COUNT = "messaging_tenant_count";
    private static final String READER_TOTAL = "messaging_reader_total";
    private static final String READER_KEY = " AND reader_kind = ? AND reader_id = ?";

    /** How many slots a counter has at most: what its reads sum. */
    static final int SLOTS = 1024;

    /**
     * The calling thread's slot: a thread runs one unit at a time, so units open at the same moment on one instance
     * add to different slots (thread ids are distinct), and another instance's threads are offset at random.
     */
    private static final ThreadLocal<Integer> SLOT = ThreadLocal.withInitial(() ->
            (int) Math.floorMod(Thread.currentThread().getId() + Offset.VALUE, (long) SLOTS));

    /** This instance's offset of its threads' slots. */
    private static final class Offset {
        static final long VALUE = new java.security.SecureRandom().nextInt(SLOTS);
    }

    private final Jdbc jdbc;
    private final String tenantId;
    private final Set<UUID> locked = new HashSet<>();

    /** The tenant's countable, the sum of its slots, as a scalar subquery; its one parameter is the tenant. */
    static final String TENANT_COUNTABLE = "(SELECT COALESCE(SUM(countable), 0) FROM " + TENANT_COUNT
            + " WHERE tenant_id = ?)";

    /** A reader's kept total, the sum of its slots, as a scalar subquery; its parameters: tenant, kind, id. */
    static final String READER_TOTAL_OF = "(SELECT COALESCE(SUM(read_count), 0) FROM " + READER_TOTAL
            + " WHERE tenant_id = ?" + READER_KEY + ")";

    KeptCounts(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
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
    void addToTenant(long delta) {
        if (delta != 0) {
            add(TENANT_COUNT, "countable", "", new Object[]{tenantId}, delta);
        }
    }

    /** Adds {@code delta} to a reader's kept total, keeping one from now on if none is. */
    void addToReader(Actor reader, long delta) {
        if (delta != 0) {
            add(READER_TOTAL, "read_count", READER_KEY, new Object[]{tenantId, reader.kind(), reader.id()}, delta);
        }
    }

    /**
     * Takes {@code delta} off the kept totals of the readers (those with one) whose horizon in the conversation
     * passes {@code horizons} (a condition on horizon {@code h} with {@code parameters}), each by the amount
     * {@code amount} (an expression over {@code h}) says: one read, then an add per such reader (a handful: the
     * conversation's participants and the team who read it).
     */
    void takeFromReaders(UUID conversationId, String amount, String horizons, Object... parameters) {
        Object[] all = new Object[parameters.length + 2];
        all[0] = tenantId;
        all[1] = conversationId;
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        record Share(Actor reader, long amount) {
        }
        List<Share> shares = jdbc.query("SELECT h.reader_kind, h.reader_id, " + amount
                + " FROM messaging_read_horizon h WHERE h.tenant_id = ? AND h.conversation_id = ?" + horizons
                + " AND EXISTS (SELECT 1 FROM " + READER_TOTAL + " t WHERE t.tenant_id = h.tenant_id"
                + " AND t.reader_kind = h.reader_kind AND t.reader_id = h.reader_id)",
                row -> new Share(Rows.actor(row.getString(1), row.getString(2)), row.getLong(3)), all);
        for (Share share : shares) {
            addToReader(share.reader(), -share.amount());
        }
    }

    /**
     * Adds {@code delta} to this unit's slot of a counter ({@code key} narrows the table to it, {@code keys} are the
     * tenant and its values), inserting the slot where there is none. PostgreSQL: one upsert. H2: an UPDATE first
     * (the common case, one statement), then an INSERT; a concurrent first insert wins on the key and this one
     * updates after all.
     */
    private void add(String table, String column, String key, Object[] keys, long delta) {
        Object[] update = new Object[keys.length + 2];
        update[0] = delta;
        System.arraycopy(keys, 0, update, 1, keys.length);
        update[keys.length + 1] = SLOT.get();
        String columns = "tenant_id" + key.replace(" = ?", "").replace(" AND", ",") + ", slot";
        Object[] insert = new Object[keys.length + 2];
        System.arraycopy(keys, 0, insert, 0, keys.length);
        insert[keys.length] = SLOT.get();
        insert[keys.length + 1] = delta;
        String values = " (" + columns + ", " + column + ") VALUES (" + "?, ".repeat(keys.length + 1) + "?)";
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("INSERT INTO " + table + values + " ON CONFLICT (" + columns + ") DO UPDATE SET " + column
                    + " = " + table + "." + column + " + EXCLUDED." + column, insert);
            return;
        }
        String sql = "UPDATE " + table + " SET " + column + " = " + column + " + ? WHERE tenant_id = ?" + key
                + " AND slot = ?";
        if (jdbc.update(sql, update) > 0) {
            return;
        }
        if (!jdbc.insertUnlessDuplicate("INSERT INTO " + table + values, insert)) {
            jdbc.update(sql, update);
        }
    }
}

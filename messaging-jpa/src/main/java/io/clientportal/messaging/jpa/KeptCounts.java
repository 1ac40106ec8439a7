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

    /** A team member's participant total, the sum of its slots; its parameters: tenant, member id. */
    static final String PARTICIPANT_TOTAL_OF = "SELECT COALESCE(SUM(participant_unread), 0) FROM " + READER_TOTAL
            + " WHERE tenant_id = ? AND reader_kind = '" + Actor.Kind.TEAM_MEMBER.name() + "' AND reader_id = ?";

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
        addToReader(reader, delta, 0);
    }

    /**
     * Adds {@code delta} to a reader's kept total and {@code participantDelta} to their participant total, in one
     * write of their slot.
     */
    void addToReader(Actor reader, long delta, long participantDelta) {
        if (delta != 0 || participantDelta != 0) {
            add(READER_TOTAL, "read_count", READER_KEY, new Object[]{tenantId, reader.kind(), reader.id()}, delta,
                    participantDelta);
        }
    }

    /**
     * Adds to the participant totals of the team members that {@code select} yields, in this unit's slots, in one
     * statement: {@code select} yields each member once, as columns {@code member} and {@code amount}, and takes
     * {@code parameters}.
     */
    void addToParticipants(String select, Object... parameters) {
        String source = "SELECT s.member, s.amount FROM (" + select + ") s WHERE s.amount <> 0";
        Integer slot = SLOT.get();
        String team = "'" + Actor.Kind.TEAM_MEMBER.name() + "'";
        if (jdbc.platform() == Platform.POSTGRESQL) {
            Object[] all = new Object[parameters.length + 2];
            all[0] = tenantId;
            all[1] = slot;
            System.arraycopy(parameters, 0, all, 2, parameters.length);
            jdbc.update("INSERT INTO " + READER_TOTAL + " (tenant_id, reader_kind, reader_id, slot, read_count,"
                    + " participant_unread) SELECT ?, " + team + ", s.member, ?, 0, s.amount FROM (" + source
                    + ") s ON CONFLICT (tenant_id, reader_kind, reader_id, slot) DO UPDATE SET participant_unread = "
                    + READER_TOTAL + ".participant_unread + EXCLUDED.participant_unread", all);
            return;
        }
        Object[] all = new Object[parameters.length + 4];
        System.arraycopy(parameters, 0, all, 0, parameters.length);
        all[parameters.length] = tenantId;
        all[parameters.length + 1] = slot;
        all[parameters.length + 2] = tenantId;
        all[parameters.length + 3] = slot;
        jdbc.update("MERGE INTO " + READER_TOTAL + " t USING (" + source + ") s ON t.tenant_id = ?"
                + " AND t.reader_kind = " + team + " AND t.reader_id = s.member AND t.slot = ?"
                + " WHEN MATCHED THEN UPDATE SET participant_unread = t.participant_unread + s.amount"
                + " WHEN NOT MATCHED THEN INSERT (tenant_id, reader_kind, reader_id, slot, read_count,"
                + " participant_unread) VALUES (?, " + team + ", s.member, ?, 0, s.amount)", all);
    }

    /**
     * A conversation just took a seq (this unit holds its lock): its participant rows take its new activity (what
     * orders a participant's inbox), and each participant's total counts the new message. PostgreSQL: one
     * statement; H2: one, and a second only where the conversation has participants.
     */
    void seqTaken(UUID conversationId, java.time.Instant activity) {
        String moved = "UPDATE messaging_participant SET activity_at = ? WHERE tenant_id = ? AND conversation_id = ?";
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("WITH moved AS (" + moved + " RETURNING team_member_id) INSERT INTO " + READER_TOTAL
                    + " (tenant_id, reader_kind, reader_id, slot, read_count, participant_unread) SELECT ?, '"
                    + Actor.Kind.TEAM_MEMBER.name() + "', m.team_member_id, ?, 0, 1 FROM moved m"
                    + " ON CONFLICT (tenant_id, reader_kind, reader_id, slot) DO UPDATE SET participant_unread = "
                    + READER_TOTAL + ".participant_unread + 1", activity, tenantId, conversationId, tenantId,
                    SLOT.get());
            return;
        }
        if (!jdbc.query(jdbc.platform().returning(moved, "team_member_id"), row -> row.getString(1), activity,
                tenantId, conversationId).isEmpty()) {
            addToParticipants("SELECT team_member_id AS member, 1 AS amount FROM messaging_participant"
                    + " WHERE tenant_id = ? AND conversation_id = ?", tenantId, conversationId);
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
     * An announcement chunk took a seq in each of {@code conversations} (this unit holds their locks): as
     * {@link #seqTaken} for each, in two set-based statements.
     */
    void seqsTaken(List<UUID> conversations) {
        if (conversations.isEmpty()) {
            return;
        }
        Jdbc.SqlArray ids = jdbc.uuids(conversations);
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("UPDATE messaging_participant p SET activity_at = c.activity_at FROM "
                    + jdbc.platform().idTableSql() + " JOIN messaging_conversation c ON c.tenant_id = ? AND c.id = t.k"
                    + " WHERE p.tenant_id = c.tenant_id AND p.conversation_id = t.k", ids, tenantId);
        } else {
            jdbc.update("MERGE INTO messaging_participant p USING (SELECT c.tenant_id, c.id, c.activity_at FROM "
                    + jdbc.platform().idTableSql() + " JOIN messaging_conversation c ON c.tenant_id = ? AND c.id = t.k)"
                    + " s ON p.tenant_id = s.tenant_id AND p.conversation_id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET activity_at = s.activity_at", ids, tenantId);
        }
        addToParticipants("SELECT p.team_member_id AS member, COUNT(*) AS amount FROM " + jdbc.platform().idTableSql()
                + " JOIN messaging_participant p ON p.tenant_id = ? AND p.conversation_id = t.k"
                + " GROUP BY p.team_member_id", ids, tenantId);
    }

    /**
     * What a participant's total holds of one conversation, as {@link #addToParticipants} reads it, negated with
     * {@code sign} -1: its countable minus their read count, for the participants {@code where} selects (a
     * condition on {@code p}, with {@code parameters} after the tenant).
     */
    void addParticipations(int sign, String where, Object... parameters) {
        Object[] all = new Object[parameters.length + 1];
        all[0] = tenantId;
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        addToParticipants("SELECT p.team_member_id AS member, " + sign + " * SUM(c.countable"
                + " - COALESCE(h.read_count, 0)) AS amount FROM messaging_participant p"
                + " JOIN messaging_conversation c ON c.tenant_id = p.tenant_id AND c.id = p.conversation_id"
                + " LEFT JOIN messaging_read_horizon h ON h.tenant_id = p.tenant_id"
                + " AND h.conversation_id = p.conversation_id AND h.reader_kind = '" + Actor.Kind.TEAM_MEMBER.name()
                + "' AND h.reader_id = p.team_member_id WHERE p.tenant_id = ?" + where
                + " GROUP BY p.team_member_id", all);
    }

    /**
     * Adds {@code delta} to this unit's slot of a counter ({@code key} narrows the table to it, {@code keys} are the
     * tenant and its values), inserting the slot where there is none. PostgreSQL: one upsert. H2: an UPDATE first
     * (the common case, one statement), then an INSERT; a concurrent first insert wins on the key and this one
     * updates after all.
     */
    private void add(String table, String column, String key, Object[] keys, long delta) {
        add(table, column, key, keys, delta, 0);
    }

    /**
     * {@link #add(String, String, String, Object[], long)}, adding {@code participantDelta} to the slot's
     * {@code participant_unread} too (a reader total's slot; 0 leaves it out of the statement).
     */
    private void add(String table, String column, String key, Object[] keys, long delta, long participantDelta) {
        boolean both = participantDelta != 0;
        Object[] update = new Object[keys.length + (both ? 3 : 2)];
        update[0] = delta;
        int next = 1;
        if (both) {
            update[next++] = participantDelta;
        }
        System.arraycopy(keys, 0, update, next, keys.length);
        update[update.length - 1] = SLOT.get();
        Object[] insert = new Object[keys.length + (both ? 3 : 2)];
        System.arraycopy(keys, 0, insert, 0, keys.length);
        insert[keys.length] = SLOT.get();
        insert[keys.length + 1] = delta;
        if (both) {
            insert[keys.length + 2] = participantDelta;
        }
        // The texts are built once per counter and shape (StatementTexts): every post and read adds to one.
        long variant = counter(table) << 1 | (both ? 1 : 0);
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update(StatementTexts.of("countUpsert", jdbc.platform(), variant, () -> "INSERT INTO " + table
                    + values(column, key, both) + " ON CONFLICT (" + columns(key) + ") DO UPDATE SET "
                    + column + " = " + table + "." + column + " + EXCLUDED." + column + (both
                    ? ", participant_unread = " + table + ".participant_unread + EXCLUDED.participant_unread" : "")),
                    insert);
            return;
        }
        String sql = StatementTexts.of("countUpdate", jdbc.platform(), variant, () -> "UPDATE " + table + " SET "
                + column + " = " + column + " + ?" + (both ? ", participant_unread = participant_unread + ?" : "")
                + " WHERE tenant_id = ?" + key + " AND slot = ?");
        if (jdbc.update(sql, update) > 0) {
            return;
        }
        if (!jdbc.insertUnlessDuplicate(StatementTexts.of("countInsert", jdbc.platform(), variant,
                () -> "INSERT INTO " + table + values(column, key, both)), insert)) {
            jdbc.update(sql, update);
        }
    }

    /**
     * The counter a table holds, as a statement variant. Each table has one column and key, so the table and
     * {@code both} decide a text; a table not named here would share another's texts, so it is refused.
     */
    private static long counter(String table) {
        return switch (table) {
            case TENANT_COUNT -> 0;
            case READER_TOTAL -> 1;
            default -> throw new IllegalArgumentException("no kept counter in " + table);
        };
    }

    /** A counter's key columns: the tenant, those of {@code key} (a condition as {@link #READER_KEY}), the slot. */
    private static String columns(String key) {
        return "tenant_id" + key.replace(" = ?", "").replace(" AND", ",") + ", slot";
    }

    /** The column list and values of a new slot row: its key, then the amount (and the participant amount). */
    private static String values(String column, String key, boolean both) {
        String columns = columns(key);
        int markers = columns.split(",").length + (both ? 2 : 1);
        return " (" + columns + ", " + column + (both ? ", participant_unread" : "") + ") VALUES ("
                + "?, ".repeat(markers - 1) + "?)";
    }
}

package io.clientportal.messaging.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * RAW's share of the unread counts the store keeps as it writes (schema V6), as hand-written JDBC keeps them: the
 * tenant's countable and the owner's total of read counts in slot rows summed when read; and the owner's views
 * read from them. The per-conversation and per-horizon counts are kept in RAW's own statements ({@link RawVariant}).
 */
final class RawCounts implements OwnerViews {

    /** The tenant every statement binds (named as the constant it was, so the statements read as before). */
    private final String T;
    private static final String ROLE = "SELECT t.role FROM messaging_team_member t WHERE t.tenant_id = ? AND t.id = ?";

    private final RawJdbc jdbc;
    private final boolean postgres;

    RawCounts(RawJdbc jdbc, boolean postgres, String tenant) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.T = tenant;
    }

    /** Adds to the tenant's countable, in the calling thread's slot row (made here if there is none). */
    void addToTenant(Connection c, long delta) throws SQLException {
        add(c, "messaging_tenant_count", "countable", "", null, delta);
    }

    /** Adds to a team member's total of read counts, the same way. */
    void addToReader(Connection c, String memberId, long delta) throws SQLException {
        add(c, "messaging_reader_total", "read_count", " AND reader_kind = 'TEAM_MEMBER' AND reader_id = ?", memberId,
                delta);
    }

    /**
     * Adds to a participant's total of read counts and takes the same off their participant total (schema V15), in
     * one write of their slot: a participant's read.
     */
    void addToParticipantReader(Connection c, String memberId, long delta) throws SQLException {
        if (delta == 0) {
            return;
        }
        int slot = slot();
        if (!postgres) {
            try (PreparedStatement s = c.prepareStatement("UPDATE messaging_reader_total SET read_count = read_count"
                    + " + ?, participant_unread = participant_unread - ? WHERE tenant_id = ? AND reader_kind"
                    + " = 'TEAM_MEMBER' AND reader_id = ? AND slot = ?")) {
                s.setLong(1, delta);
                s.setLong(2, delta);
                s.setString(3, T);
                s.setString(4, memberId);
                s.setInt(5, slot);
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO messaging_reader_total (tenant_id, reader_kind,"
                + " reader_id, slot, read_count, participant_unread) VALUES (?, 'TEAM_MEMBER', ?, ?, ?, ?)"
                + (postgres ? " ON CONFLICT (tenant_id, reader_kind, reader_id, slot) DO UPDATE SET read_count ="
                + " messaging_reader_total.read_count + EXCLUDED.read_count, participant_unread ="
                + " messaging_reader_total.participant_unread + EXCLUDED.participant_unread" : ""))) {
            s.setString(1, T);
            s.setString(2, memberId);
            s.setInt(3, slot);
            s.setLong(4, delta);
            s.setLong(5, -delta);
            s.executeUpdate();
        }
    }

    /**
     * A seq was just taken in the conversation: its participant rows take the new activity and each participant's
     * total counts the message (schema V15), as the store does: one statement on PostgreSQL; on H2 one, and a second
     * only where the conversation has participants.
     */
    void seqTaken(Connection c, UUID conversationId, java.time.OffsetDateTime activity) throws SQLException {
        String moved = "UPDATE messaging_participant SET activity_at = ? WHERE tenant_id = ? AND conversation_id = ?";
        String upsert = " INTO messaging_reader_total (tenant_id, reader_kind, reader_id, slot, read_count,"
                + " participant_unread) ";
        if (postgres) {
            try (PreparedStatement s = c.prepareStatement("WITH moved AS (" + moved + " RETURNING team_member_id)"
                    + " INSERT" + upsert + "SELECT ?, 'TEAM_MEMBER', m.team_member_id, ?, 0, 1 FROM moved m"
                    + " ON CONFLICT (tenant_id, reader_kind, reader_id, slot) DO UPDATE SET participant_unread ="
                    + " messaging_reader_total.participant_unread + 1")) {
                s.setObject(1, activity);
                s.setString(2, T);
                s.setObject(3, conversationId);
                s.setString(4, T);
                s.setInt(5, slot());
                s.executeUpdate();
            }
            return;
        }
        boolean any;
        try (PreparedStatement s = c.prepareStatement("SELECT team_member_id FROM FINAL TABLE (" + moved + ")")) {
            s.setObject(1, activity);
            s.setString(2, T);
            s.setObject(3, conversationId);
            try (ResultSet r = s.executeQuery()) {
                any = r.next();
            }
        }
        if (any) {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO messaging_reader_total t USING (SELECT"
                    + " team_member_id AS member FROM messaging_participant WHERE tenant_id = ? AND conversation_id"
                    + " = ?) s ON t.tenant_id = ? AND t.reader_kind = 'TEAM_MEMBER' AND t.reader_id = s.member"
                    + " AND t.slot = ? WHEN MATCHED THEN UPDATE SET participant_unread = t.participant_unread + 1"
                    + " WHEN NOT MATCHED THEN INSERT (tenant_id, reader_kind, reader_id, slot, read_count,"
                    + " participant_unread) VALUES (?, 'TEAM_MEMBER', s.member, ?, 0, 1)")) {
                s.setString(1, T);
                s.setObject(2, conversationId);
                s.setString(3, T);
                s.setInt(4, slot());
                s.setString(5, T);
                s.setInt(6, slot());
                s.executeUpdate();
            }
        }
    }

    /**
     * An announcement took a seq in every conversation at {@code activity}: every participant row takes it, and each
     * participant's total counts one message per conversation they take part in; set-based, as the store does.
     */
    void seqTakenEverywhere(Connection c, java.time.OffsetDateTime activity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE messaging_participant SET activity_at = ?"
                + " WHERE tenant_id = ?")) {
            s.setObject(1, activity);
            s.setString(2, T);
            s.executeUpdate();
        }
        String counted = "SELECT team_member_id AS member, COUNT(*) AS amount FROM messaging_participant"
                + " WHERE tenant_id = ? GROUP BY team_member_id";
        try (PreparedStatement s = c.prepareStatement(postgres
                ? "INSERT INTO messaging_reader_total (tenant_id, reader_kind, reader_id, slot, read_count,"
                + " participant_unread) SELECT ?, 'TEAM_MEMBER', s.member, ?, 0, s.amount FROM (" + counted + ") s"
                + " ON CONFLICT (tenant_id, reader_kind, reader_id, slot) DO UPDATE SET participant_unread ="
                + " messaging_reader_total.participant_unread + EXCLUDED.participant_unread"
                : "MERGE INTO messaging_reader_total t USING (" + counted + ") s ON t.tenant_id = ?"
                + " AND t.reader_kind = 'TEAM_MEMBER' AND t.reader_id = s.member AND t.slot = ? WHEN MATCHED THEN"
                + " UPDATE SET participant_unread = t.participant_unread + s.amount WHEN NOT MATCHED THEN INSERT"
                + " (tenant_id, reader_kind, reader_id, slot, read_count, participant_unread)"
                + " VALUES (?, 'TEAM_MEMBER', s.member, ?, 0, s.amount)")) {
            if (postgres) {
                s.setString(1, T);
                s.setInt(2, slot());
                s.setString(3, T);
            } else {
                s.setString(1, T);
                s.setString(2, T);
                s.setInt(3, slot());
                s.setString(4, T);
                s.setInt(5, slot());
            }
            s.executeUpdate();
        }
    }

    /** A team member's participant total: the sum of their slots (schema V15). */
    static final String PARTICIPANT_TOTAL = "SELECT COALESCE(SUM(participant_unread), 0) FROM messaging_reader_total"
            + " WHERE tenant_id = ? AND reader_kind = 'TEAM_MEMBER' AND reader_id = ?";

    private static int slot() {
        return (int) Math.floorMod(Thread.currentThread().getId(), 1024L);
    }

    /** As the store does: the thread's slot (a thread runs one transaction at a time), upserted. */
    private void add(Connection c, String table, String column, String key, String member, long delta)
            throws SQLException {
        int slot = slot();
        if (!postgres) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET " + column + " = " + column
                    + " + ? WHERE tenant_id = ?" + key + " AND slot = ?")) {
                int p = 0;
                s.setLong(++p, delta);
                s.setString(++p, T);
                if (member != null) {
                    s.setString(++p, member);
                }
                s.setInt(++p, slot);
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
        }
        String columns = member == null ? "tenant_id, slot" : "tenant_id, reader_kind, reader_id, slot";
        String values = member == null ? "?" : "?, 'TEAM_MEMBER', ?";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + columns + ", " + column
                + ") VALUES (" + values + ", ?, ?)" + (postgres ? " ON CONFLICT (" + columns + ") DO UPDATE SET "
                + column + " = " + table + "." + column + " + EXCLUDED." + column : ""))) {
            int p = 0;
            s.setString(++p, T);
            if (member != null) {
                s.setString(++p, member);
            }
            s.setInt(++p, slot);
            s.setLong(++p, delta);
            s.executeUpdate();
        }
    }

    /** One statement in autocommit, the owner's role read in it (the SDK reads it from its cache). */
    @Override
    public long ownerUnreadTotal() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT (" + ROLE + "), (SELECT COALESCE(SUM(countable), 0)"
                    + " FROM messaging_tenant_count WHERE tenant_id = ?) - (SELECT COALESCE(SUM(read_count), 0)"
                    + " FROM messaging_reader_total WHERE tenant_id = ? AND reader_kind = 'TEAM_MEMBER'"
                    + " AND reader_id = ?)")) {
                s.setString(1, T);
                s.setString(2, Dataset.OWNER);
                s.setString(3, T);
                s.setString(4, T);
                s.setString(5, Dataset.OWNER);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (!"OWNER".equals(r.getString(1))) {
                        throw new IllegalStateException("the benchmark reads an owner's views");
                    }
                    return r.getLong(2);
                }
            }
        });
    }

    /**
     * The page in activity order from the index, each row's count from its conversation's and horizon's: one
     * statement in autocommit with the owner's role checked in it; only an empty page asks again whether the reader
     * is an owner at all.
     */
    @Override
    public int ownerInbox(int size, boolean onlyUnread) {
        int read = read(c -> {
            // Horizon and participant row probed by key per row (joined, PostgreSQL read all horizons per page).
            // As the store's: the owner's id opaque to PostgreSQL's statistics and the page size a literal, so that
            // the prepared statement's generic plan is taken (with either as a parameter every page was planned).
            String owner = postgres ? "(SELECT CAST(? AS VARCHAR(255)))" : "?";
            String readCount = "COALESCE((SELECT h.read_count FROM messaging_read_horizon h WHERE h.tenant_id"
                    + " = c.tenant_id AND h.conversation_id = c.id AND h.reader_kind = 'TEAM_MEMBER'"
                    + " AND h.reader_id = " + owner + "), 0)";
            // Every column the page shows is read, as the agent's page reads them (RawVariant#inbox): the
            // conversation, its last message and attachment, the unread count and the owner's access.
            try (PreparedStatement s = c.prepareStatement("SELECT c.id AS c_id, c.client_name, c.last_seq,"
                    + " (SELECT p.access FROM messaging_participant p WHERE p.tenant_id = c.tenant_id"
                    + " AND p.conversation_id = c.id AND p.team_member_id = " + owner + ") AS access, "
                    + RawVariant.MESSAGE_COLUMNS + ", a.id AS a_id, a.filename, c.countable - " + readCount
                    + " AS unread FROM messaging_conversation c"
                    + (postgres ? "" : " USE INDEX (messaging_conversation_activity_ix)")
                    + " LEFT JOIN messaging_message m ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id"
                    + " AND m.seq = c.last_seq"
                    + " LEFT JOIN messaging_attachment a ON a.tenant_id = m.tenant_id AND a.message_id = m.id"
                    + " WHERE c.tenant_id = ?" + (onlyUnread ? " AND c.countable > " + readCount : "")
                    + " AND 'OWNER' = (" + ROLE + ")"
                    // As the store's page: H2 walks the index in order only when the ORDER BY starts with its
                    // leading column, and prefers the primary key and a sort without the hint (a second tenant).
                    + " ORDER BY c.tenant_id, c.activity_at DESC, c.id DESC LIMIT " + (size + 1))) {
                int p = 0;
                s.setString(++p, Dataset.OWNER);
                s.setString(++p, Dataset.OWNER);
                s.setString(++p, T);
                if (onlyUnread) {
                    s.setString(++p, Dataset.OWNER);
                }
                s.setString(++p, T);
                s.setString(++p, Dataset.OWNER);
                List<RawVariant.InboxRow> page = new ArrayList<>(size + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(new RawVariant.InboxRow(r.getObject("c_id", UUID.class), r.getString("client_name"),
                                r.getLong("last_seq"), r.getString("access"),
                                r.getObject(6) == null ? null : RawVariant.row(r, 5), r.getLong("unread")));
                    }
                }
                return Math.min(page.size(), size);
            }
        });
        if (read == 0) {
            read(c -> {
                try (PreparedStatement s = c.prepareStatement(ROLE)) {
                    s.setString(1, T);
                    s.setString(2, Dataset.OWNER);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next() || !"OWNER".equals(r.getString(1))) {
                            throw new IllegalStateException("the benchmark reads an owner's views");
                        }
                    }
                }
                return null;
            });
        }
        return read;
    }

    private <T> T read(RawJdbc.Work<T> work) {
        return jdbc.read(work);
    }
}

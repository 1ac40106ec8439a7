package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.spi.SearchWords;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The same work in hand-written JDBC, the way an engineer who knows the database would write it: the fewest
 * statements, set-based where possible, one connection and transaction per operation. The physical limit the
 * SDK is measured against. Its outbox is its own table with an identity position (no ordering guarantees).
 */
final class RawVariant implements Variant, OwnerViews {

    /** The tenant every statement binds (named as the constant it was, so the statements read as before). */
    private final String T;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID HISTORY = Dataset.conversationId(Dataset.HISTORY_CONVERSATION);

    static final String MESSAGE_COLUMNS = "m.seq, m.id, m.author_kind, m.author_id, m.author_name, m.text,"
            + " m.highlighted, m.announcement_id, m.client_message_id, m.created_at, m.edited_at, m.deleted_at";

    /** A message as read, with its attachment (if any) from the outer join. */
    record Row(long seq, UUID id, String authorKind, String authorId, String authorName, String text,
               boolean highlighted, UUID announcementId, String clientMessageId, OffsetDateTime createdAt,
               OffsetDateTime editedAt, OffsetDateTime deletedAt, UUID attachmentId, String filename) {
    }

    /** An inbox row. */
    record InboxRow(UUID conversationId, String clientName, long lastSeq, String access, Row last, long unread) {
    }

    /** Whether client user ? (tenant ?, then id) may see conversation ?: its account's. */
    private static final String CLIENT_SEES_CONVERSATION = "SELECT 1 FROM messaging_client_user u"
            + " JOIN messaging_conversation c ON c.tenant_id = u.tenant_id AND c.client_account_id = u.account_id"
            + " WHERE u.tenant_id = ? AND u.id = ? AND c.id = ?";

    /** Whether team member ? (tenant ?, then id) is an agent. */
    private static final String IS_AGENT = "SELECT 1 FROM messaging_team_member t WHERE t.tenant_id = ? AND t.id = ?"
            + " AND t.role = 'AGENT'";

    private final DataSource pool;
    private final boolean postgres;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean notifyOtherNodes;
    private final RawJdbc jdbc;
    private final RawCounts counts;

    /** The run's tenant ({@link Dataset#TENANT}). */
    RawVariant(DataSource pool, boolean postgres) {
        this(pool, postgres, Dataset.TENANT);
    }

    /** The same work on {@code tenant}'s rows (a dataset seeded as {@link Dataset} seeds it). */
    RawVariant(DataSource pool, boolean postgres, String tenant) {
        this.pool = pool;
        this.postgres = postgres;
        this.T = tenant;
        this.jdbc = new RawJdbc(pool);
        this.counts = new RawCounts(jdbc, postgres, tenant);
    }

    private <T> T inTransaction(RawJdbc.Work<T> work) {
        return jdbc.inTransaction(work);
    }

    private <T> T read(RawJdbc.Work<T> work) {
        return jdbc.read(work);
    }

    @Override
    public void post(long conversation, String text) {
        UUID conversationId = Dataset.conversationId(conversation);
        String userId = Dataset.user(conversation);
        inTransaction(c -> {
            String name;
            try (PreparedStatement s = c.prepareStatement("SELECT u.display_name FROM messaging_client_user u"
                    + " JOIN messaging_conversation c ON c.tenant_id = u.tenant_id"
                    + " AND c.client_account_id = u.account_id"
                    + " WHERE u.tenant_id = ? AND u.id = ? AND c.id = ?")) {
                s.setString(1, T);
                s.setString(2, userId);
                s.setObject(3, conversationId);
                name = single(s, r -> r.getString(1));
            }
            OffsetDateTime now = now();
            long seq = nextSeq(c, conversationId, now);
            counts.addToTenant(c, 1);
            counts.seqTaken(c, conversationId, now);
            UUID messageId = UUID.randomUUID();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO messaging_message (tenant_id, conversation_id,"
                    + " seq, id, author_kind, author_id, author_name, text, highlighted, created_at, client_seq,"
                    + " search_text) VALUES (?, ?, ?, ?, 'CLIENT_USER', ?, ?, ?, FALSE, ?, ?, ?)")) {
                s.setString(1, T);
                s.setObject(2, conversationId);
                s.setLong(3, seq);
                s.setObject(4, messageId);
                s.setString(5, userId);
                s.setString(6, name);
                s.setString(7, text);
                s.setObject(8, now);
                s.setLong(9, seq);   // no internal notes here: the client seq is the seq
                // The same work as the SDK's: a message is searchable once it is written.
                s.setString(10, SearchWords.indexText(text));
                s.executeUpdate();
            }
            raiseHorizon(c, conversationId, "CLIENT_USER", userId, seq);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversationId", conversationId.toString());
            payload.put("messageId", messageId.toString());
            payload.put("seq", seq);
            payload.put("authorKind", "CLIENT_USER");
            payload.put("authorId", userId);
            payload.put("authorName", name);
            payload.put("text", text);
            payload.put("createdAt", now.toString());
            appendEvent(c, "message.posted", conversationId, JSON.writeValueAsString(payload), now);
            if (notifyOtherNodes) {
                try (Statement s = c.createStatement()) {
                    s.execute("NOTIFY bench_raw_event");
                }
            }
            return null;
        });
        wake.release();
    }

    private long nextSeq(Connection c, UUID conversationId, OffsetDateTime now) throws SQLException {
        String update = "UPDATE messaging_conversation SET last_seq = last_seq + 1, countable = countable + 1,"
                + " last_client_seq = last_client_seq + 1, client_countable = client_countable + 1,"
                + " last_message_at = ?, activity_at = ?, last_client_message_at = ? WHERE tenant_id = ? AND id = ?";
        try (PreparedStatement s = c.prepareStatement(postgres ? update + " RETURNING last_seq"
                : "SELECT last_seq FROM FINAL TABLE (" + update + ")")) {
            s.setObject(1, now);
            s.setObject(2, now);
            s.setObject(3, now);
            s.setString(4, T);
            s.setObject(5, conversationId);
            return single(s, r -> r.getLong(1));
        }
    }

    /**
     * Moves the poster's read horizon to their message, the conversation's last seq, in one statement: under the
     * lock the seq took, its read count is the conversation's countable.
     */
    private void raiseHorizon(Connection c, UUID conversationId, String kind, String reader, long seq)
            throws SQLException {
        String countable = "(SELECT countable FROM messaging_conversation WHERE tenant_id = ? AND id = ?)";
        String sql = postgres
                ? "INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                + " last_read_seq, read_count) VALUES (?, ?, ?, ?, ?, " + countable + ") ON CONFLICT (tenant_id,"
                + " conversation_id, reader_kind, reader_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq,"
                + " read_count = EXCLUDED.read_count"
                + " WHERE messaging_read_horizon.last_read_seq < EXCLUDED.last_read_seq"
                : "MERGE INTO messaging_read_horizon h USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS UUID),"
                + " CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), " + countable + "))"
                + " v(tenant_id, conversation_id, reader_kind, reader_id, seq, read_count) ON h.tenant_id = v.tenant_id"
                + " AND h.conversation_id = v.conversation_id AND h.reader_kind = v.reader_kind"
                + " AND h.reader_id = v.reader_id WHEN MATCHED AND h.last_read_seq < v.seq THEN UPDATE SET"
                + " last_read_seq = v.seq, read_count = v.read_count WHEN NOT MATCHED THEN INSERT (tenant_id,"
                + " conversation_id, reader_kind, reader_id, last_read_seq, read_count) VALUES (v.tenant_id,"
                + " v.conversation_id, v.reader_kind, v.reader_id, v.seq, v.read_count)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, T);
            s.setObject(2, conversationId);
            s.setString(3, kind);
            s.setString(4, reader);
            s.setLong(5, seq);
            s.setString(6, T);
            s.setObject(7, conversationId);
            s.executeUpdate();
        }
    }

    /**
     * Moves a team member's read horizon forward only, under the conversation's lock (taken by the caller), with
     * its read count (countable at the last seq, else the old count plus the others' messages newly read) and
     * their total; true if it moved.
     */
    private boolean raiseTeamHorizon(Connection c, UUID conversationId, String memberId, long seq)
            throws SQLException {
        long old;
        long readCount;
        try (PreparedStatement s = c.prepareStatement("SELECT h.last_read_seq, COALESCE(h.read_count, 0),"
                + " CASE WHEN ? >= c.last_seq THEN c.countable ELSE COALESCE(h.read_count, 0)"
                + " + (SELECT COUNT(*) FROM messaging_message m WHERE m.tenant_id = c.tenant_id"
                + " AND m.conversation_id = c.id AND m.seq > COALESCE(h.last_read_seq, 0) AND m.seq <= ?"
                + " AND m.deleted_at IS NULL AND NOT (m.author_kind = 'TEAM_MEMBER' AND m.author_id = ?)) END"
                + " FROM messaging_conversation c LEFT JOIN messaging_read_horizon h ON h.tenant_id = c.tenant_id"
                + " AND h.conversation_id = c.id AND h.reader_kind = 'TEAM_MEMBER' AND h.reader_id = ?"
                + " WHERE c.tenant_id = ? AND c.id = ?")) {
            s.setLong(1, seq);
            s.setLong(2, seq);
            s.setString(3, memberId);
            s.setString(4, memberId);
            s.setString(5, T);
            s.setObject(6, conversationId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long horizon = r.getLong(1);
                boolean stored = !r.wasNull();
                if (stored && horizon >= seq) {
                    return false;
                }
                old = r.getLong(2);
                readCount = r.getLong(3);
                try (PreparedStatement w = c.prepareStatement(stored
                        ? "UPDATE messaging_read_horizon SET last_read_seq = ?, read_count = ? WHERE tenant_id = ?"
                        + " AND conversation_id = ? AND reader_kind = 'TEAM_MEMBER' AND reader_id = ?"
                        : "INSERT INTO messaging_read_horizon (last_read_seq, read_count, tenant_id, conversation_id,"
                        + " reader_kind, reader_id) VALUES (?, ?, ?, ?, 'TEAM_MEMBER', ?)")) {
                    w.setLong(1, seq);
                    w.setLong(2, readCount);
                    w.setString(3, T);
                    w.setObject(4, conversationId);
                    w.setString(5, memberId);
                    w.executeUpdate();
                }
            }
        }
        // The reader takes part (the caller's lock joined their participant row): their participant total moves too.
        counts.addToParticipantReader(c, memberId, readCount - old);
        return true;
    }

    private void appendEvent(Connection c, String type, UUID conversationId, String payload,
                             OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO bench_raw_event (tenant_id, type, conversation_id,"
                + " payload, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, T);
            s.setString(2, type);
            s.setObject(3, conversationId);
            s.setString(4, payload);
            s.setObject(5, at);
            s.executeUpdate();
        }
    }

    /**
     * One statement in autocommit (one round trip, atomic by itself): the reader's access is checked in the
     * database, inside the page query, on every call (the SDK checks it against its cache); the page walks the
     * primary key backwards and stops after 50, each message's attachments found by an index probe. Only an empty
     * page asks again whether the reader may see the conversation at all. The page size is a parameter, as the
     * SDK's is: with a literal {@code LIMIT 50} PostgreSQL judged its generic plan dearer than the custom ones and
     * planned the prepared statement anew on every call (0.4 ms of a 0.1 ms page, deep pages 1.8x the SDK's).
     */
    @Override
    public int history(long beforeSeq) {
        String userId = Dataset.user(Dataset.HISTORY_CONVERSATION);
        return read(c -> {
            int rows = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + ", a.id AS a_id, a.filename"
                    + " FROM (SELECT * FROM messaging_message WHERE tenant_id = ? AND conversation_id = ? AND seq < ?"
                    + " AND EXISTS (" + CLIENT_SEES_CONVERSATION + ")"
                    + " ORDER BY tenant_id DESC, conversation_id DESC, seq DESC LIMIT ?) m"
                    + " LEFT JOIN messaging_attachment a ON a.tenant_id = m.tenant_id AND a.message_id = m.id"
                    + " ORDER BY m.seq, a.ordinal")) {
                s.setString(1, T);
                s.setObject(2, HISTORY);
                s.setLong(3, beforeSeq);
                s.setString(4, T);
                s.setString(5, userId);
                s.setObject(6, HISTORY);
                s.setInt(7, 50);
                List<Row> page = new ArrayList<>(50);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(row(r, 1));
                    }
                }
                rows = page.size();
            }
            if (rows == 0) {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 WHERE EXISTS (" + CLIENT_SEES_CONVERSATION
                        + ")")) {
                    s.setString(1, T);
                    s.setString(2, userId);
                    s.setObject(3, HISTORY);
                    single(s, r -> r.getInt(1));
                }
            }
            return rows;
        });
    }

    /**
     * The message at column {@code at} on ({@link #MESSAGE_COLUMNS}, then the attachment's id and filename), read by
     * position as hand-written JDBC does: H2 upper-cases a label and looks it up on every {@code getXxx(label)}, which
     * was half of a history page's time.
     */
    static Row row(ResultSet r, int at) throws SQLException {
        return new Row(r.getLong(at), r.getObject(at + 1, UUID.class), r.getString(at + 2), r.getString(at + 3),
                r.getString(at + 4), r.getString(at + 5), r.getBoolean(at + 6), r.getObject(at + 7, UUID.class),
                r.getString(at + 8), r.getObject(at + 9, OffsetDateTime.class),
                r.getObject(at + 10, OffsetDateTime.class), r.getObject(at + 11, OffsetDateTime.class),
                r.getObject(at + 12, UUID.class), r.getString(at + 13));
    }

    private String role(Connection c, String memberId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT role FROM messaging_team_member WHERE tenant_id = ?"
                + " AND id = ?")) {
            s.setString(1, T);
            s.setString(2, memberId);
            return single(s, r -> r.getString(1));
        }
    }

    /**
     * One statement in autocommit, the reader's role checked in it (the SDK checks it against its cache); only an
     * empty page asks again whether the reader is an agent at all.
     */
    @Override
    public int inbox(int size) {
        return read(c -> {
            // The page first, from the participant rows' activity index alone (V15: each row carries its
            // conversation's activity), then its conversations, last messages and kept unread counts by key. The
            // page size is a literal, as the store's: as a parameter PostgreSQL planned every page anew.
            try (PreparedStatement s = c.prepareStatement("SELECT c.id AS c_id, c.client_name, c.last_seq, p.access,"
                    + " " + MESSAGE_COLUMNS + ", a.id AS a_id, a.filename,"
                    + " c.countable - COALESCE(h.read_count, 0) AS unread"
                    + " FROM (SELECT p.* FROM messaging_participant p"
                    + (postgres ? "" : " USE INDEX (messaging_participant_activity_ix)")
                    + " WHERE p.tenant_id = ? AND p.team_member_id = ? AND EXISTS (" + IS_AGENT + ")"
                    + " ORDER BY p.tenant_id, p.team_member_id, p.activity_at DESC, p.conversation_id DESC LIMIT "
                    + (size + 1) + ") p"
                    + " JOIN messaging_conversation c ON c.tenant_id = p.tenant_id AND c.id = p.conversation_id"
                    + " LEFT JOIN messaging_message m ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id"
                    + " AND m.seq = c.last_seq"
                    + " LEFT JOIN messaging_attachment a ON a.tenant_id = m.tenant_id AND a.message_id = m.id"
                    + " LEFT JOIN messaging_read_horizon h ON h.tenant_id = c.tenant_id AND h.conversation_id = c.id"
                    + " AND h.reader_kind = 'TEAM_MEMBER' AND h.reader_id = p.team_member_id"
                    + " ORDER BY p.activity_at DESC, p.conversation_id DESC")) {
                s.setString(1, T);
                s.setString(2, Dataset.AGENT);
                s.setString(3, T);
                s.setString(4, Dataset.AGENT);
                List<InboxRow> rows = new ArrayList<>(size + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new InboxRow(r.getObject("c_id", UUID.class), r.getString("client_name"),
                                r.getLong("last_seq"), r.getString("access"),
                                r.getObject(6) == null ? null : row(r, 5), r.getLong("unread")));
                    }
                }
                if (rows.isEmpty() && !"AGENT".equals(role(c, Dataset.AGENT))) {
                    throw new IllegalStateException("the benchmark reads an agent's inbox");
                }
                return Math.min(rows.size(), size);
            }
        });
    }

    @Override
    public long markReadAndUnreadTotal(long conversation, long seq) {
        UUID conversationId = Dataset.conversationId(conversation);
        inTransaction(c -> {
            if (!"AGENT".equals(role(c, Dataset.AGENT))) {
                throw new IllegalStateException("the benchmark marks read as an agent");
            }
            long lastSeq;
            try (PreparedStatement s = c.prepareStatement("SELECT c.last_seq FROM messaging_conversation c"
                    + " JOIN messaging_participant p ON p.tenant_id = c.tenant_id AND p.conversation_id = c.id"
                    + " AND p.team_member_id = ? WHERE c.tenant_id = ? AND c.id = ?"
                    + (postgres ? " FOR UPDATE OF c" : " FOR UPDATE"))) {
                s.setString(1, Dataset.AGENT);
                s.setString(2, T);
                s.setObject(3, conversationId);
                lastSeq = single(s, r -> r.getLong(1));
            }
            long horizon = Math.min(seq, lastSeq);
            if (horizon > 0 && raiseTeamHorizon(c, conversationId, Dataset.AGENT, horizon)) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("conversationId", conversationId.toString());
                payload.put("reader", Dataset.AGENT);
                payload.put("seq", horizon);
                appendEvent(c, "conversation.read", conversationId, JSON.writeValueAsString(payload), now());
            }
            return null;
        });
        return read(c -> {
            // One statement in autocommit, the role read in it (the SDK reads it from its cache): the agent's
            // participant total, kept as rows are written (V15), the sum of their slots.
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT role FROM messaging_team_member"
                    + " WHERE tenant_id = ? AND id = ?), (" + RawCounts.PARTICIPANT_TOTAL + ")")) {
                s.setString(1, T);
                s.setString(2, Dataset.AGENT);
                s.setString(3, T);
                s.setString(4, Dataset.AGENT);
                return single(s, r -> {
                    if (!"AGENT".equals(r.getString(1))) {
                        throw new IllegalStateException("the benchmark counts as an agent");
                    }
                    return r.getLong(2);
                });
            }
        });
    }

    @Override
    public void announceToAll(String text) {
        inTransaction(c -> {
            if (!"OWNER".equals(role(c, Dataset.OWNER))) {
                throw new IllegalStateException("only owners announce here");
            }
            UUID id = UUID.randomUUID();
            OffsetDateTime now = now();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO messaging_announcement (tenant_id, id,"
                    + " author_kind, author_id, author_name, text, highlighted, all_clients, status, target_count,"
                    + " delivered_count, created_at) SELECT ?, ?, 'TEAM_MEMBER', ?, 'Olivia Owner', ?, FALSE, TRUE,"
                    + " 'SENDING', COUNT(*), 0, ? FROM messaging_conversation WHERE tenant_id = ?")) {
                s.setString(1, T);
                s.setObject(2, id);
                s.setString(3, Dataset.OWNER);
                s.setString(4, text);
                s.setObject(5, now);
                s.setString(6, T);
                s.executeUpdate();
            }
            String textJson = JSON.writeValueAsString(text);
            String payload = "'{\"conversationId\":\"' || CAST(i.conversation_id AS VARCHAR) || '\",\"messageId\":\"'"
                    + " || CAST(i.id AS VARCHAR) || '\",\"seq\":' || CAST(i.seq AS VARCHAR) || ',\"authorKind\":"
                    + "\"TEAM_MEMBER\",\"authorId\":\"owner\",\"authorName\":\"Olivia Owner\",\"text\":' || ? || '}'";
            int delivered;
            if (postgres) {
                try (PreparedStatement s = c.prepareStatement("WITH bumped AS (UPDATE messaging_conversation c"
                        + " SET last_seq = c.last_seq + 1, countable = c.countable + 1, last_message_at = ?,"
                        + " last_client_seq = c.last_client_seq + 1, client_countable = c.client_countable + 1,"
                        + " last_client_message_at = ?,"
                        + " activity_at = ? WHERE c.tenant_id = ?"
                        + " RETURNING c.id, c.last_seq), inserted AS (INSERT INTO messaging_message (tenant_id,"
                        + " conversation_id, seq, id, author_kind, author_id, author_name, text, highlighted,"
                        + " announcement_id, created_at, client_seq, search_text) SELECT ?, b.id, b.last_seq,"
                        + " gen_random_uuid(), 'TEAM_MEMBER', ?, 'Olivia Owner', ?, FALSE, ?, ?, b.last_seq, ?"
                        + " FROM bumped b"
                        + " RETURNING conversation_id, seq, id)"
                        + " INSERT INTO bench_raw_event (tenant_id, type, conversation_id, payload, created_at)"
                        + " SELECT ?, 'message.posted', i.conversation_id, " + payload + ", ? FROM inserted i")) {
                    int p = 0;
                    s.setObject(++p, now);
                    s.setObject(++p, now);
                    s.setObject(++p, now);
                    s.setString(++p, T);
                    s.setString(++p, T);
                    s.setString(++p, Dataset.OWNER);
                    s.setString(++p, text);
                    s.setObject(++p, id);
                    s.setObject(++p, now);
                    s.setString(++p, SearchWords.indexText(text));
                    s.setString(++p, T);
                    s.setString(++p, textJson);
                    s.setObject(++p, now);
                    delivered = s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("UPDATE messaging_conversation"
                        + " SET last_seq = last_seq + 1, countable = countable + 1, last_message_at = ?,"
                        + " last_client_seq = last_client_seq + 1, client_countable = client_countable + 1,"
                        + " last_client_message_at = ?, activity_at = ? WHERE tenant_id = ?")) {
                    s.setObject(1, now);
                    s.setObject(2, now);
                    s.setObject(3, now);
                    s.setString(4, T);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO messaging_message (tenant_id,"
                        + " conversation_id, seq, id, author_kind, author_id, author_name, text, highlighted,"
                        + " announcement_id, created_at, client_seq, search_text) SELECT ?, c.id, c.last_seq,"
                        + " RANDOM_UUID(), 'TEAM_MEMBER', ?, 'Olivia Owner', ?, FALSE, ?, ?, c.last_seq, ?"
                        + " FROM messaging_conversation c WHERE c.tenant_id = ?")) {
                    s.setString(1, T);
                    s.setString(2, Dataset.OWNER);
                    s.setString(3, text);
                    s.setObject(4, id);
                    s.setObject(5, now);
                    s.setString(6, SearchWords.indexText(text));
                    s.setString(7, T);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO bench_raw_event (tenant_id, type,"
                        + " conversation_id, payload, created_at) SELECT ?, 'message.posted', i.conversation_id, "
                        + payload + ", ? FROM messaging_message i WHERE i.tenant_id = ? AND i.announcement_id = ?")) {
                    s.setString(1, T);
                    s.setString(2, textJson);
                    s.setObject(3, now);
                    s.setString(4, T);
                    s.setObject(5, id);
                    delivered = s.executeUpdate();
                }
            }
            countAnnouncement(c, delivered);
            counts.seqTakenEverywhere(c, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE messaging_announcement SET status = 'DELIVERED',"
                    + " delivered_count = ? WHERE tenant_id = ? AND id = ?")) {
                s.setInt(1, delivered);
                s.setString(2, T);
                s.setObject(3, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The counts an announcement to every conversation changes: the tenant's countable, and the owner's read count
     * in each conversation (the copy is theirs) and their total; set-based.
     */
    private void countAnnouncement(Connection c, int delivered) throws SQLException {
        counts.addToTenant(c, delivered);
        try (PreparedStatement s = c.prepareStatement(postgres
                ? "INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                + " last_read_seq, read_count) SELECT c.tenant_id, c.id, 'TEAM_MEMBER', ?, 0, 1"
                + " FROM messaging_conversation c WHERE c.tenant_id = ? ON CONFLICT (tenant_id, conversation_id,"
                + " reader_kind, reader_id) DO UPDATE SET read_count = messaging_read_horizon.read_count + 1"
                : "MERGE INTO messaging_read_horizon h USING (SELECT tenant_id, id FROM messaging_conversation"
                + " WHERE tenant_id = ?) c ON h.tenant_id = c.tenant_id AND h.conversation_id = c.id"
                + " AND h.reader_kind = 'TEAM_MEMBER' AND h.reader_id = ? WHEN MATCHED THEN UPDATE"
                + " SET read_count = h.read_count + 1 WHEN NOT MATCHED THEN INSERT (tenant_id, conversation_id,"
                + " reader_kind, reader_id, last_read_seq, read_count) VALUES (c.tenant_id, c.id, 'TEAM_MEMBER', ?,"
                + " 0, 1)")) {
            if (postgres) {
                s.setString(1, Dataset.OWNER);
                s.setString(2, T);
            } else {
                s.setString(1, T);
                s.setString(2, Dataset.OWNER);
                s.setString(3, Dataset.OWNER);
            }
            s.executeUpdate();
        }
        counts.addToReader(c, Dataset.OWNER, delivered);
    }

    @Override
    public int ownerInbox(int size, boolean onlyUnread) {
        return counts.ownerInbox(size, onlyUnread);
    }

    @Override
    public long ownerUnreadTotal() {
        return counts.ownerUnreadTotal();
    }

    @Override
    public AutoCloseable subscribe(boolean otherNode, Consumer<String> texts) {
        if (otherNode && !postgres) {
            return null;
        }
        long start = inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM bench_raw_event")) {
                return single(s, r -> r.getLong(1));
            }
        });
        Tailer tailer = new Tailer(start, otherNode, texts);
        if (otherNode) {
            notifyOtherNodes = true;
        }
        Thread thread = new Thread(tailer, "raw-tailer");
        thread.setDaemon(true);
        thread.start();
        tailer.awaitListening();
        return () -> {
            notifyOtherNodes = false;
            tailer.running = false;
            wake.release();
            thread.join(5_000);
        };
    }

    /**
     * Reads the outbox after the last position it handed over: woken in-process after each post (one node), or by
     * LISTEN/NOTIFY on its own connection (another node).
     */
    private final class Tailer implements Runnable {
        private final boolean listen;
        private final Consumer<String> texts;
        private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        private long position;
        volatile boolean running = true;

        Tailer(long position, boolean listen, Consumer<String> texts) {
            this.position = position;
            this.listen = listen;
            this.texts = texts;
        }

        void awaitListening() {
            try {
                listening.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(true);
                if (listen) {
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN bench_raw_event");
                    }
                }
                listening.countDown();
                try (PreparedStatement s = c.prepareStatement("SELECT position, payload FROM bench_raw_event"
                        + " WHERE position > ? AND type = 'message.posted' ORDER BY position LIMIT 500")) {
                    while (running) {
                        if (listen) {
                            c.unwrap(PGConnection.class).getNotifications(100);
                        } else {
                            wake.tryAcquire(100, TimeUnit.MILLISECONDS);
                            wake.drainPermits();
                        }
                        boolean more = true;
                        while (more && running) {
                            s.setLong(1, position);
                            int read = 0;
                            try (ResultSet r = s.executeQuery()) {
                                while (r.next()) {
                                    position = r.getLong(1);
                                    texts.accept(r.getString(2));
                                    read++;
                                }
                            }
                            more = read == 500;
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> T single(PreparedStatement statement, Mapper<T> mapper) throws SQLException {
        try (ResultSet r = statement.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("not found");
            }
            return mapper.map(r);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        // the pool belongs to the database
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageFilter;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ReadHorizonRow;
import io.clientportal.messaging.spi.ReadStateRows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Read horizons, the counts kept beside them ({@link ReadStateRows}) and the inbox: hot paths, each a fixed number
 * of statements, none of which grows with the tenant.
 */
final class ReadStateSql implements ReadStateRows {

    private static final String HORIZON_JOIN = " LEFT JOIN messaging_read_horizon h ON h.tenant_id = c.tenant_id"
            + " AND h.conversation_id = c.id AND h.reader_kind = ? AND h.reader_id = ?";

    /** A reader's count in conversation {@code c} with horizon {@code h} (joined as {@link #HORIZON_JOIN}). */
    private static final String KEPT_COUNT = "c.countable - COALESCE(h.read_count, 0)";

    /**
     * A reader's read count in conversation {@code c}, as a probe of the horizon's key; parameters: reader kind and
     * id. (Joined instead, PostgreSQL, expecting a reader to have few horizons, read all of the tenant's for a page.)
     */
    private static final String READ_COUNT_OF_C = "COALESCE((SELECT h.read_count FROM messaging_read_horizon h"
            + " WHERE h.tenant_id = c.tenant_id AND h.conversation_id = c.id AND h.reader_kind = ?"
            + " AND h.reader_id = ?), 0)";

    private final Jdbc jdbc;
    private final String tenantId;
    private final AttachmentSql attachments;
    private final KeptCounts counts;

    ReadStateSql(Jdbc jdbc, String tenantId, AttachmentSql attachments, KeptCounts counts) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.attachments = attachments;
        this.counts = counts;
    }

    /** A stored horizon ({@code null}: none) and read count, and the read count it would have at the new seq. */
    private record Before(Long horizon, long readCount, long readCountThen) {
    }

    /**
     * The read count at horizon {@code ?} of conversation {@code c} and stored horizon {@code h}: the conversation's
     * countable at its last seq (a post, and most reads); else the old count plus what was newly read, counted over
     * the messages between (the reader's own were counted already). Parameters: seq, seq, reader kind, reader id.
     */
    private static final String READ_COUNT_AT = "CASE WHEN ? >= c.last_seq THEN c.countable"
            + " ELSE COALESCE(h.read_count, 0) + (SELECT COUNT(*) FROM messaging_message m"
            + " WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.seq > COALESCE(h.last_read_seq, 0)"
            + " AND m.seq <= ? AND m.deleted_at IS NULL AND NOT (m.author_kind = ? AND m.author_id = ?)) END";

    /** {@link #READ_COUNT_AT} of a client's horizon: in client seqs, over the messages that are not internal. */
    private static final String CLIENT_READ_COUNT_AT = READ_COUNT_AT.replace("c.last_seq", "c.last_client_seq")
            .replace("c.countable", "c.client_countable").replace("m.seq", "m.client_seq")
            .replace("m.deleted_at IS NULL", "m.internal = FALSE AND m.deleted_at IS NULL");

    private static String readCountAt(Actor reader) {
        return reader.isTeamMember() ? READ_COUNT_AT : CLIENT_READ_COUNT_AT;
    }

    /**
     * Under the conversation's lock (a post holds it already; every writer of a horizon or a countable takes it),
     * so what it reads is what it writes over. Without a kept total, one statement that writes the new horizon with
     * its read count where it moves; with one, the horizon is read first for the change of the total.
     */
    @Override
    public boolean advanceHorizon(ConversationId id, Actor reader, long seq, boolean keepTotal) {
        counts.lock(id.value());
        if (!keepTotal) {
            String readCount = "(SELECT " + readCountAt(reader) + " FROM messaging_conversation c" + HORIZON_JOIN
                    + " WHERE c.tenant_id = ? AND c.id = ?)";
            Object[] parameters = {tenantId, id.value(), reader.kind(), reader.id(), seq, seq, seq, reader.kind(),
                    reader.id(), reader.kind(), reader.id(), tenantId, id.value()};
            // The new row as values (H2 then finds the stored one by its key; joined in a query, it scanned them).
            String sql = jdbc.platform() == Platform.POSTGRESQL
                    ? "INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) VALUES (?, ?, ?, ?, ?, " + readCount + ")"
                    + " ON CONFLICT ON CONSTRAINT messaging_read_horizon_pk DO UPDATE"
                    + " SET last_read_seq = EXCLUDED.last_read_seq, read_count = EXCLUDED.read_count"
                    + " WHERE messaging_read_horizon.last_read_seq < EXCLUDED.last_read_seq"
                    : "MERGE INTO messaging_read_horizon t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS UUID),"
                    + " CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), " + readCount + "))"
                    + " s(tenant_id, conversation_id, reader_kind, reader_id, last_read_seq, read_count)"
                    + " ON t.tenant_id = s.tenant_id AND t.conversation_id = s.conversation_id"
                    + " AND t.reader_kind = s.reader_kind AND t.reader_id = s.reader_id"
                    + " WHEN MATCHED AND t.last_read_seq < s.last_read_seq THEN UPDATE"
                    + " SET last_read_seq = s.last_read_seq, read_count = s.read_count WHEN NOT MATCHED THEN INSERT"
                    + " (tenant_id, conversation_id, reader_kind, reader_id, last_read_seq, read_count)"
                    + " VALUES (s.tenant_id, s.conversation_id, s.reader_kind, s.reader_id, s.last_read_seq,"
                    + " s.read_count)";
            return jdbc.update(sql, parameters) > 0;
        }
        Before before = jdbc.queryOne("SELECT h.last_read_seq, COALESCE(h.read_count, 0), " + readCountAt(reader)
                        + " FROM messaging_conversation c" + HORIZON_JOIN + " WHERE c.tenant_id = ? AND c.id = ?",
                row -> new Before((Long) row.getObject(1, Long.class), row.getLong(2), row.getLong(3)), seq, seq,
                reader.kind(), reader.id(), reader.kind(), reader.id(), tenantId, id.value()).orElse(null);
        if (before == null || (before.horizon() != null && before.horizon() >= seq)) {
            return false;
        }
        long readCount = before.readCountThen();
        if (before.horizon() == null) {
            jdbc.update("INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) VALUES (?, ?, ?, ?, ?, ?)", tenantId, id.value(), reader.kind(),
                    reader.id(), seq, readCount);
        } else {
            jdbc.update("UPDATE messaging_read_horizon SET last_read_seq = ?, read_count = ? WHERE tenant_id = ?"
                    + " AND conversation_id = ? AND reader_kind = ? AND reader_id = ?", seq, readCount, tenantId,
                    id.value(), reader.kind(), reader.id());
        }
        counts.addToReader(reader, readCount - before.readCount());
        return true;
    }

    @Override
    public void uncount(ConversationId id, long seq, Actor author) {
        jdbc.queryOne("SELECT " + Rows.MESSAGE_COLUMNS + " FROM messaging_message m WHERE m.tenant_id = ?"
                + " AND m.conversation_id = ? AND m.seq = ?", Rows::message, tenantId, id.value(), seq)
                .ifPresent(this::uncount);
    }

    /**
     * The conversation's lock first (its countables), then the tenant's, the readers' totals and their horizons: the
     * team's horizons (in seqs) that reach the message, and, for a message that is not internal, the clients' (in
     * client seqs).
     */
    @Override
    public void uncount(MessageRow message) {
        ConversationId id = message.conversationId();
        if (jdbc.update("UPDATE messaging_conversation SET countable = countable - 1"
                + (message.internal() ? "" : ", client_countable = client_countable - 1")
                + " WHERE tenant_id = ? AND id = ?", tenantId, id.value()) == 0) {
            return;
        }
        counts.locked(id.value());
        counts.addToTenant(-1);
        Actor author = message.author();
        String team = "'" + Actor.Kind.TEAM_MEMBER.name() + "'";
        String reached = " AND ((h.reader_kind = " + team + " AND h.last_read_seq >= ?)"
                + (message.internal() ? "" : " OR (h.reader_kind <> " + team + " AND h.last_read_seq >= ?)")
                + " OR (h.reader_kind = ? AND h.reader_id = ?))";
        Object[] parameters = message.internal()
                ? new Object[]{message.seq(), author.kind(), author.id()}
                : new Object[]{message.seq(), message.clientSeq(), author.kind(), author.id()};
        counts.takeFromReaders(id.value(), "1", reached, parameters);
        Object[] all = new Object[parameters.length + 2];
        all[0] = tenantId;
        all[1] = id.value();
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        jdbc.update("UPDATE messaging_read_horizon h SET read_count = read_count - 1 WHERE h.tenant_id = ?"
                + " AND h.conversation_id = ?" + reached, all);
    }

    /**
     * One set-based statement over the conversations (whose locks the delivering unit holds, so no other unit
     * inserts the same horizon meanwhile), and the author's total.
     */
    @Override
    public void countOwn(Actor author, Collection<ConversationId> ids, boolean keepTotal) {
        if (ids.isEmpty()) {
            return;
        }
        Jdbc.SqlArray array = jdbc.uuids(ids.stream().map(ConversationId::value).toList());
        if (jdbc.platform() == Platform.POSTGRESQL) {
            jdbc.update("INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) SELECT ?, t.k, ?, ?, 0, 1 FROM " + jdbc.platform().idTableSql()
                    + " ON CONFLICT ON CONSTRAINT messaging_read_horizon_pk DO UPDATE"
                    + " SET read_count = messaging_read_horizon.read_count + 1", tenantId, author.kind(), author.id(),
                    array);
        } else {
            jdbc.update("MERGE INTO messaging_read_horizon h USING " + jdbc.platform().idTableSql()
                    + " ON h.tenant_id = ? AND h.conversation_id = t.k AND h.reader_kind = ? AND h.reader_id = ?"
                    + " WHEN MATCHED THEN UPDATE SET read_count = h.read_count + 1"
                    + " WHEN NOT MATCHED THEN INSERT (tenant_id, conversation_id, reader_kind, reader_id,"
                    + " last_read_seq, read_count) VALUES (?, t.k, ?, ?, 0, 1)", array, tenantId, author.kind(),
                    author.id(), tenantId, author.kind(), author.id());
        }
        if (keepTotal) {
            counts.addToReader(author, ids.size());
        }
    }

    @Override
    public long count(Actor reader, ConversationScope scope, MessageFilter filter) {
        MessageFilter.requireKept(filter);
        if (scope.isAll()) {
            return jdbc.queryLong("SELECT " + KeptCounts.TENANT_COUNTABLE + " - " + KeptCounts.READER_TOTAL_OF,
                    tenantId, tenantId, reader.kind(), reader.id());
        }
        if (scope.participantId() != null) {
            // Driven by the member's participant rows (their index), each conversation's countable a probe of its
            // key: joined instead, H2 drove the sum from the conversations (0.7 s for 10,000 of 100,000).
            return jdbc.queryLong("SELECT COALESCE(SUM((SELECT c.countable FROM messaging_conversation c"
                    + " WHERE c.tenant_id = p.tenant_id AND c.id = p.conversation_id) - COALESCE(h.read_count, 0)), 0)"
                    + " FROM messaging_participant p LEFT JOIN messaging_read_horizon h ON h.tenant_id = p.tenant_id"
                    + " AND h.conversation_id = p.conversation_id AND h.reader_kind = ? AND h.reader_id = ?"
                    + " WHERE p.tenant_id = ? AND p.team_member_id = ?", reader.kind(), reader.id(), tenantId,
                    scope.participantId());
        }
        String kept = filter.excludeInternal() ? KEPT_COUNT.replace("c.countable", "c.client_countable") : KEPT_COUNT;
        return jdbc.queryLong("SELECT COALESCE(SUM(" + kept + "), 0) FROM messaging_conversation c"
                + HORIZON_JOIN + " WHERE c.tenant_id = ? AND c.id = ?", reader.kind(), reader.id(), tenantId,
                scope.conversationId().value());
    }

    private String scopeFilter(ConversationScope scope, List<Object> parameters) {
        if (scope.conversationId() != null) {
            parameters.add(scope.conversationId().value());
            return " AND c.id = ?";
        }
        if (scope.participantId() != null) {
            parameters.add(scope.participantId());
            return " AND EXISTS (SELECT 1 FROM messaging_participant s WHERE s.tenant_id = c.tenant_id"
                    + " AND s.conversation_id = c.id AND s.team_member_id = ?)";
        }
        return "";
    }

    /** The request's team filters, served by the assignee and team status indexes (V9) in activity order. */
    private static String teamFilter(InboxRequest request, List<Object> parameters) {
        StringBuilder filter = new StringBuilder();
        if (request.assigneeId() != null) {
            filter.append(" AND c.assignee_id = ?");
            parameters.add(request.assigneeId());
        } else if (request.onlyUnassigned()) {
            filter.append(" AND c.assignee_id IS NULL");
        }
        if (request.status() != null) {
            filter.append(" AND c.team_status = ?");
            parameters.add(request.status());
        }
        return filter.toString();
    }

    /**
     * One inbox page in one query (conversation, last message, kept count and the reader's access), then one query
     * for the attachments of the page's last messages. The query walks the activity index and stops when the page
     * is full: all conversations cost the page; counted ones only cost more where few are counted (the walk goes
     * on until it has found a page of them, the whole scope when there are fewer). On PostgreSQL, unless only
     * counted conversations are asked for, the page is chosen first (top-N by activity over the conversations in
     * scope) and only its rows are joined with their last message, horizon and access.
     */
    /**
     * One statement over the conversation's horizons (its primary key's prefix), each joined to the message it is
     * at by the key of its own view: a team member's by seq (the primary key), a client user's by client seq (the
     * client seq index, among the messages that are not internal).
     */
    @Override
    public List<ReadHorizonRow> horizons(ConversationId id) {
        return jdbc.query("SELECT h.reader_kind, h.reader_id, h.last_read_seq, t.client_seq, v.seq"
                + " FROM messaging_read_horizon h"
                + " LEFT JOIN messaging_message t ON h.reader_kind = ? AND t.tenant_id = h.tenant_id"
                + " AND t.conversation_id = h.conversation_id AND t.seq = h.last_read_seq"
                + " LEFT JOIN messaging_message v ON h.reader_kind = ? AND v.tenant_id = h.tenant_id"
                + " AND v.conversation_id = h.conversation_id AND v.client_seq = h.last_read_seq"
                + " AND v.internal = FALSE"
                + " WHERE h.tenant_id = ? AND h.conversation_id = ? AND h.last_read_seq > 0", row -> {
                    Actor reader = Rows.actor(row.getString(1), row.getString(2));
                    long seq = row.getLong(3);
                    return reader.isTeamMember() ? new ReadHorizonRow(reader, seq, row.getLong(4))
                            : new ReadHorizonRow(reader, row.getLong(5), seq);
                }, Actor.Kind.TEAM_MEMBER, Actor.Kind.CLIENT_USER, tenantId, id.value());
    }

    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        MessageFilter.requireKept(request.counted());
        Actor reader = request.reader();
        // A client's page: its count over the client countable, its last message the last that is not internal.
        boolean client = request.counted().excludeInternal();
        String countable = client ? "c.client_countable" : "c.countable";
        List<Object> pageParameters = new ArrayList<>();
        StringBuilder inScope = new StringBuilder(" WHERE c.tenant_id = ?");
        pageParameters.add(tenantId);
        inScope.append(scopeFilter(request.scope(), pageParameters));
        inScope.append(teamFilter(request, pageParameters));
        if (request.afterActivity() != null) {
            inScope.append(" AND (c.activity_at < ? OR (c.activity_at = ? AND c.id < ?))");
            pageParameters.add(request.afterActivity());
            pageParameters.add(request.afterActivity());
            pageParameters.add(request.afterConversation().value());
        }
        String order = " ORDER BY c.activity_at DESC, c.id DESC LIMIT ?";
        boolean pageFirst = !request.onlyCounted() && jdbc.platform() == Platform.POSTGRESQL;
        List<Object> parameters = new ArrayList<>();
        // The page's rows probe their horizon and participant row by key: a fixed cost per row, whatever the tenant.
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.CONVERSATION_COLUMNS).append(", ")
                .append(Rows.MESSAGE_COLUMNS).append(", ").append(MessageSql.HAS_ATTACHMENTS).append(", ")
                .append(countable).append(" - ")
                .append(READ_COUNT_OF_C).append(" AS unread_count, ");
        parameters.add(reader.kind());
        parameters.add(reader.id());
        if (reader.isTeamMember()) {
            sql.append("(SELECT p.access FROM messaging_participant p WHERE p.tenant_id = c.tenant_id")
                    .append(" AND p.conversation_id = c.id AND p.team_member_id = ?)");
            parameters.add(reader.id());
        } else {
            sql.append("CAST(NULL AS VARCHAR(16))");
        }
        sql.append(" AS reader_access FROM ");
        if (!pageFirst) {
            sql.append("messaging_conversation c");
        } else {
            sql.append("(SELECT c.* FROM messaging_conversation c").append(inScope).append(order).append(") c");
            parameters.addAll(pageParameters);
            parameters.add(request.limit());
        }
        sql.append(" LEFT JOIN messaging_message m ON m.tenant_id = c.tenant_id")
                .append(" AND m.conversation_id = c.id")
                .append(client ? " AND m.client_seq = c.last_client_seq AND m.internal = FALSE"
                        : " AND m.seq = c.last_seq");
        if (!pageFirst) {
            sql.append(inScope);
            parameters.addAll(pageParameters);
            if (request.onlyCounted()) {
                sql.append(" AND ").append(countable).append(" > ").append(READ_COUNT_OF_C);
                parameters.add(reader.kind());
                parameters.add(reader.id());
            }
        }
        sql.append(order);
        parameters.add(request.limit());

        record Partial(ConversationRow conversation, MessageRow lastMessage, long count, Access access) {
        }
        Set<UUID> withAttachments = new HashSet<>();
        List<Partial> rows = jdbc.query(sql.toString(), row -> {
            String access = row.getString("reader_access");
            return new Partial(Rows.conversation(row),
                    row.getObject("m_id") == null ? null : MessageSql.flagged(row, withAttachments),
                    row.getLong("unread_count"), access == null ? null : Access.valueOf(access));
        }, parameters.toArray());
        List<MessageRow> lastMessages = attachments.attachTo(
                rows.stream().map(Partial::lastMessage).filter(m -> m != null).toList(), withAttachments);
        List<InboxRow> page = new ArrayList<>(rows.size());
        int next = 0;
        for (Partial row : rows) {
            MessageRow last = row.lastMessage() == null ? null : lastMessages.get(next++);
            page.add(new InboxRow(row.conversation(), last, row.count(), row.access()));
        }
        return page;
    }
}

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
import io.clientportal.messaging.spi.ReadStateRows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Read horizons, the counts after them and the inbox: hot paths, each a fixed number of statements. */
final class ReadStateSql implements ReadStateRows {

    private static final String HORIZON_JOIN = " LEFT JOIN messaging_read_horizon h ON h.tenant_id = c.tenant_id"
            + " AND h.conversation_id = c.id AND h.reader_kind = ? AND h.reader_id = ?";

    private final Jdbc jdbc;
    private final String tenantId;
    private final AttachmentSql attachments;

    ReadStateSql(Jdbc jdbc, String tenantId, AttachmentSql attachments) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.attachments = attachments;
    }

    @Override
    public boolean advanceHorizon(ConversationId id, Actor reader, long seq) {
        String upsert = jdbc.platform().advanceHorizonSql();
        if (upsert != null) {
            return jdbc.update(upsert, tenantId, id.value(), reader.kind(), reader.id(), seq) > 0;
        }
        String raise = "UPDATE messaging_read_horizon SET last_read_seq = ? WHERE tenant_id = ?"
                + " AND conversation_id = ? AND reader_kind = ? AND reader_id = ? AND last_read_seq < ?";
        if (jdbc.update(raise, seq, tenantId, id.value(), reader.kind(), reader.id(), seq) > 0) {
            return true;
        }
        if (jdbc.insertUnlessDuplicate("INSERT INTO messaging_read_horizon (tenant_id, conversation_id,"
                + " reader_kind, reader_id, last_read_seq) VALUES (?, ?, ?, ?, ?)", tenantId, id.value(),
                reader.kind(), reader.id(), seq)) {
            return true;
        }
        return jdbc.update(raise, seq, tenantId, id.value(), reader.kind(), reader.id(), seq) > 0;
    }

    /**
     * The count of the messages after horizon {@code h} of the conversation {@code conversation} (of tenant
     * {@code tenant}), as {@code filter} says, as a scalar subquery; its parameters are {@link #filtered}'s. The
     * core's unread filter (both flags) gives the statement the store has always run.
     */
    private static String countOf(String tenant, String conversation, MessageFilter filter) {
        return "(SELECT COUNT(*) FROM messaging_message u WHERE u.tenant_id = " + tenant
                + " AND u.conversation_id = " + conversation + " AND u.seq > COALESCE(h.last_read_seq, 0)"
                + (filter.excludeDeleted() ? " AND u.deleted_at IS NULL" : "")
                + (filter.excludeOwn() ? " AND NOT (u.author_kind = ? AND u.author_id = ?)" : "") + ")";
    }

    /** Adds the parameters of a {@link #countOf}: the reader when their own messages are left out. */
    private static void filtered(List<Object> parameters, MessageFilter filter, Actor reader) {
        if (filter.excludeOwn()) {
            parameters.add(reader.kind());
            parameters.add(reader.id());
        }
    }

    @Override
    public long count(Actor reader, ConversationScope scope, MessageFilter filter) {
        List<Object> parameters = new ArrayList<>();
        filtered(parameters, Objects.requireNonNull(filter, "filter must not be null"), reader);
        parameters.add(reader.kind());
        parameters.add(reader.id());
        parameters.add(tenantId);
        if (scope.participantId() != null) {
            // Driven by the member's participant rows (their index), not by every conversation of the tenant with
            // a participant probe each: on 10,000 of 100,000 conversations a quarter of the time on PostgreSQL
            // and H2 alike.
            parameters.add(scope.participantId());
            return jdbc.queryLong("SELECT COALESCE(SUM(" + countOf("p.tenant_id", "p.conversation_id", filter)
                    + "), 0) FROM messaging_participant p"
                    + " LEFT JOIN messaging_read_horizon h ON h.tenant_id = p.tenant_id"
                    + " AND h.conversation_id = p.conversation_id AND h.reader_kind = ? AND h.reader_id = ?"
                    + " WHERE p.tenant_id = ? AND p.team_member_id = ?", parameters.toArray());
        }
        String sql = "SELECT COALESCE(SUM(" + countOf("c.tenant_id", "c.id", filter) + "), 0)"
                + " FROM messaging_conversation c" + HORIZON_JOIN + " WHERE c.tenant_id = ?"
                + scopeFilter(scope, parameters);
        return jdbc.queryLong(sql, parameters.toArray());
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

    /**
     * One inbox page in one query (conversation, last message, count and the reader's access), then one query for
     * the attachments of the page's last messages. On PostgreSQL, unless only counted conversations are asked
     * for, the page is chosen first (top-N by activity over the conversations in scope) and only its rows are
     * joined with their last message, horizon and count: joined first, every conversation in scope paid for them
     * (2.9 against 2.2 ms for RAW's 20 of 10,000; chosen first, on par).
     */
    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        Actor reader = request.reader();
        List<Object> pageParameters = new ArrayList<>();
        StringBuilder inScope = new StringBuilder(" WHERE c.tenant_id = ?");
        pageParameters.add(tenantId);
        inScope.append(scopeFilter(request.scope(), pageParameters));
        if (request.afterActivity() != null) {
            inScope.append(" AND (c.activity_at < ? OR (c.activity_at = ? AND c.id < ?))");
            pageParameters.add(request.afterActivity());
            pageParameters.add(request.afterActivity());
            pageParameters.add(request.afterConversation().value());
        }
        // H2 plans the joined form well (and the page-first one worse): PostgreSQL only.
        boolean pageFirst = !request.onlyCounted() && jdbc.platform() == Platform.POSTGRESQL;
        List<Object> parameters = new ArrayList<>();
        filtered(parameters, request.counted(), reader);
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ").append(Rows.CONVERSATION_COLUMNS)
                .append(", c.activity_at AS c_activity_at, ").append(Rows.MESSAGE_COLUMNS).append(", ")
                .append(MessageSql.HAS_ATTACHMENTS).append(", ")
                .append(countOf("c.tenant_id", "c.id", request.counted())).append(" AS unread_count, ")
                .append(reader.isTeamMember() ? "p.access" : "CAST(NULL AS VARCHAR(16))").append(" AS reader_access")
                .append(" FROM ");
        if (!pageFirst) {
            sql.append("messaging_conversation c");
        } else {
            sql.append("(SELECT c.* FROM messaging_conversation c").append(inScope)
                    .append(" ORDER BY c.activity_at DESC, c.id DESC LIMIT ?) c");
            parameters.addAll(pageParameters);
            parameters.add(request.limit());
        }
        sql.append(" LEFT JOIN messaging_message m ON m.tenant_id = c.tenant_id")
                .append(" AND m.conversation_id = c.id AND m.seq = c.last_seq").append(HORIZON_JOIN);
        parameters.add(reader.kind());
        parameters.add(reader.id());
        if (reader.isTeamMember()) {
            sql.append(" LEFT JOIN messaging_participant p ON p.tenant_id = c.tenant_id AND p.conversation_id = c.id")
                    .append(" AND p.team_member_id = ?");
            parameters.add(reader.id());
        }
        if (!pageFirst) {
            sql.append(inScope);
            parameters.addAll(pageParameters);
        }
        sql.append(") x");
        if (request.onlyCounted()) {
            sql.append(" WHERE x.unread_count > 0");
        }
        sql.append(" ORDER BY x.c_activity_at DESC, x.c_id DESC LIMIT ?");
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

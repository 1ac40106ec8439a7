package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Messages, read horizons, unread counts and the inbox: the hot paths, each a fixed number of statements. */
final class MessageSql {

    private static final String SELECT = "SELECT " + Rows.MESSAGE_COLUMNS + " FROM messaging_message m";

    /**
     * Whether message {@code m} has attachments (its own, or its announcement's), two index probes: a page whose
     * messages have none (the usual case) then needs no attachment query at all.
     */
    private static final String HAS_ATTACHMENTS = "(m.deleted_at IS NULL AND (EXISTS (SELECT 1 FROM"
            + " messaging_attachment a WHERE a.tenant_id = m.tenant_id AND a.message_id = m.id)"
            + " OR (m.announcement_id IS NOT NULL AND EXISTS (SELECT 1 FROM messaging_attachment a"
            + " WHERE a.tenant_id = m.tenant_id AND a.announcement_id = m.announcement_id"
            + " AND a.message_id IS NULL)))) AS m_has_attachments";

    private static final String SELECT_FLAGGED = "SELECT " + Rows.MESSAGE_COLUMNS + ", " + HAS_ATTACHMENTS
            + " FROM messaging_message m";

    /** Messages by others after the reader's horizon {@code h} that are not deleted; parameters: reader kind, id. */
    private static final String UNREAD_OF_C = "(SELECT COUNT(*) FROM messaging_message u WHERE u.tenant_id = c.tenant_id"
            + " AND u.conversation_id = c.id AND u.seq > COALESCE(h.last_read_seq, 0) AND u.deleted_at IS NULL"
            + " AND NOT (u.author_kind = ? AND u.author_id = ?))";

    /** The same for the conversation of participant row {@code p}. */
    private static final String UNREAD_OF_P = UNREAD_OF_C.replace("c.tenant_id", "p.tenant_id")
            .replace("u.conversation_id = c.id", "u.conversation_id = p.conversation_id");

    private static final String HORIZON_JOIN = " LEFT JOIN messaging_read_horizon h ON h.tenant_id = c.tenant_id"
            + " AND h.conversation_id = c.id AND h.reader_kind = ? AND h.reader_id = ?";

    private final Jdbc jdbc;
    private final String tenantId;
    private final AttachmentSql attachments;

    MessageSql(Jdbc jdbc, String tenantId, AttachmentSql attachments) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.attachments = attachments;
    }

    void insert(Message m) {
        jdbc.update("INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind, author_id,"
                        + " author_name, text, highlighted, announcement_id, client_message_id, created_at, edited_at,"
                        + " deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenantId, m.conversationId().value(), m.seq(), m.id().value(), m.author().kind(), m.author().id(),
                m.authorName(), m.text(), m.highlighted(),
                AttachmentSql.uuidOrNull(m.announcementId() == null ? null : m.announcementId().value()),
                m.clientMessageId() == null ? Jdbc.NULL_TEXT : m.clientMessageId(), m.createdAt(),
                m.editedAt() == null ? Jdbc.NULL_TIMESTAMP : m.editedAt(),
                m.deleted() ? m.createdAt() : Jdbc.NULL_TIMESTAMP);
    }

    Optional<Message> find(MessageId id) {
        return one(SELECT + " WHERE m.tenant_id = ? AND m.id = ?", tenantId, id.value());
    }

    Optional<Message> byClientMessageId(ConversationId id, Actor author, String clientMessageId) {
        return one(SELECT + " WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.author_kind = ?"
                        + " AND m.author_id = ? AND m.client_message_id = ?", tenantId, id.value(), author.kind(),
                author.id(), clientMessageId);
    }

    Optional<Message> ofAnnouncement(io.clientportal.messaging.model.AnnouncementId announcementId,
                                     ConversationId conversationId) {
        return one(SELECT + " WHERE m.tenant_id = ? AND m.announcement_id = ? AND m.conversation_id = ?", tenantId,
                announcementId.value(), conversationId.value());
    }

    private Optional<Message> one(String sql, Object... parameters) {
        List<Message> found = jdbc.query(sql, Rows::message, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(attachments.attachTo(found).get(0));
    }

    /**
     * One window of history by keyset on the primary key, ascending by seq. The ORDER BY names every key column
     * (the first two are fixed by the WHERE, so PostgreSQL's plan is the same): only then does H2 walk the key in
     * order, backwards for DESC, and stop after the page; ordered by seq alone it read every message before the
     * cursor and sorted them (the newest page of a 1,000,000-message conversation read all of them).
     */
    List<Message> history(ConversationId id, Long beforeSeq, Long afterSeq, int limit) {
        Set<UUID> withAttachments = new HashSet<>();
        Jdbc.RowMapper<Message> mapper = row -> flagged(row, withAttachments);
        List<Message> page;
        if (afterSeq != null) {
            page = jdbc.query(SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.seq > ?"
                    + " ORDER BY m.tenant_id, m.conversation_id, m.seq LIMIT ?", mapper, tenantId, id.value(), afterSeq,
                    limit);
        } else {
            page = new ArrayList<>(jdbc.query(SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = ?"
                            + " AND m.seq < ? ORDER BY m.tenant_id DESC, m.conversation_id DESC, m.seq DESC LIMIT ?",
                    mapper, tenantId, id.value(),
                    beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit));
            Collections.reverse(page);
        }
        return attachments.attachTo(page, withAttachments);
    }

    /** Reads a message row of a flagged query, noting whether the message has attachments. */
    private static Message flagged(ResultSet row, Set<UUID> withAttachments) throws SQLException {
        Message message = Rows.message(row);
        if (row.getBoolean("m_has_attachments")) {
            withAttachments.add(message.id().value());
        }
        return message;
    }

    void updateText(MessageId id, String text, Instant editedAt) {
        // Not into a tombstone: a delete may have committed since the edit checked the message.
        jdbc.update("UPDATE messaging_message SET text = ?, edited_at = ? WHERE tenant_id = ? AND id = ?"
                + " AND deleted_at IS NULL", text, editedAt, tenantId, id.value());
    }

    void markDeleted(MessageId id, Instant deletedAt) {
        jdbc.update("UPDATE messaging_message SET text = '', deleted_at = ? WHERE tenant_id = ? AND id = ?",
                deletedAt, tenantId, id.value());
    }

    // --- read state ------------------------------------------------------------------------------------------

    long readHorizon(ConversationId id, Actor reader) {
        return jdbc.queryLong("SELECT last_read_seq FROM messaging_read_horizon WHERE tenant_id = ?"
                + " AND conversation_id = ? AND reader_kind = ? AND reader_id = ?", tenantId, id.value(), reader.kind(),
                reader.id());
    }

    boolean advanceReadHorizon(ConversationId id, Actor reader, long seq) {
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

    long unreadCount(ConversationId id, Actor reader) {
        return unreadTotal(reader, ConversationScope.only(id));
    }

    long unreadTotal(Actor reader, ConversationScope scope) {
        if (scope.participantId() != null) {
            // Driven by the member's participant rows (their index), not by every conversation of the tenant with
            // a participant probe each: on 10,000 of 100,000 conversations a quarter of the time on PostgreSQL
            // and H2 alike.
            return jdbc.queryLong("SELECT COALESCE(SUM(" + UNREAD_OF_P + "), 0) FROM messaging_participant p"
                            + " LEFT JOIN messaging_read_horizon h ON h.tenant_id = p.tenant_id"
                            + " AND h.conversation_id = p.conversation_id AND h.reader_kind = ? AND h.reader_id = ?"
                            + " WHERE p.tenant_id = ? AND p.team_member_id = ?", reader.kind(), reader.id(),
                    reader.kind(), reader.id(), tenantId, scope.participantId());
        }
        List<Object> parameters = new ArrayList<>(List.of(reader.kind(), reader.id(), reader.kind(), reader.id(),
                tenantId));
        String sql = "SELECT COALESCE(SUM(" + UNREAD_OF_C + "), 0) FROM messaging_conversation c" + HORIZON_JOIN
                + " WHERE c.tenant_id = ?" + scopeFilter(scope, parameters);
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
     * One inbox page in one query (conversation, last message, unread count and the reader's access), then one
     * query for the attachments of the page's last messages. On PostgreSQL, unless only unread conversations are
     * asked for, the page is chosen first (top-N by activity over the conversations in scope) and only its rows are
     * joined with their last message, horizon and unread count: joined first, every conversation in scope paid for
     * them (2.9 against 2.2 ms for RAW's 20 of 10,000; chosen first, on par).
     */
    List<InboxRow> inbox(InboxRequest request) {
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
        boolean pageFirst = !request.unreadOnly() && jdbc.platform() == Platform.POSTGRESQL;
        List<Object> parameters = new ArrayList<>(List.of(reader.kind(), reader.id()));
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ").append(Rows.CONVERSATION_COLUMNS)
                .append(", c.activity_at AS c_activity_at, ").append(Rows.MESSAGE_COLUMNS).append(", ")
                .append(HAS_ATTACHMENTS).append(", ")
                .append(UNREAD_OF_C).append(" AS unread_count, ")
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
        if (request.unreadOnly()) {
            sql.append(" WHERE x.unread_count > 0");
        }
        sql.append(" ORDER BY x.c_activity_at DESC, x.c_id DESC LIMIT ?");
        parameters.add(request.limit());

        record Partial(io.clientportal.messaging.model.Conversation conversation, Message lastMessage, long unread,
                       Access access) {
        }
        Set<UUID> withAttachments = new HashSet<>();
        List<Partial> rows = jdbc.query(sql.toString(), row -> {
            String access = row.getString("reader_access");
            return new Partial(Rows.conversation(row),
                    row.getObject("m_id") == null ? null : flagged(row, withAttachments), row.getLong("unread_count"),
                    access == null ? null : Access.valueOf(access));
        }, parameters.toArray());
        List<Message> lastMessages = attachments.attachTo(
                rows.stream().map(Partial::lastMessage).filter(m -> m != null).toList(), withAttachments);
        List<InboxRow> page = new ArrayList<>(rows.size());
        int next = 0;
        for (Partial row : rows) {
            Message last = row.lastMessage() == null ? null : lastMessages.get(next++);
            page.add(new InboxRow(row.conversation(), last, row.unread(), row.access()));
        }
        return page;
    }
}

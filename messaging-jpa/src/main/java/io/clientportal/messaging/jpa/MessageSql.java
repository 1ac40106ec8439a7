package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.MessageRows;
import io.clientportal.messaging.spi.SearchRequest;
import io.clientportal.messaging.spi.SearchWords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Messages: posting, look-ups and history pages, each a fixed number of statements. */
final class MessageSql implements MessageRows {

    private static final String SELECT = "SELECT " + Rows.MESSAGE_COLUMNS + " FROM messaging_message m";

    /**
     * Whether message {@code m} has attachments (its own, or its announcement's), two index probes: a page whose
     * messages have none (the usual case) then needs no attachment query at all. A deleted message counts as
     * having none ({@link AttachmentSql#attachTo} gives it none).
     */
    static final String HAS_ATTACHMENTS = "(m.deleted_at IS NULL AND (EXISTS (SELECT 1 FROM"
            + " messaging_attachment a WHERE a.tenant_id = m.tenant_id AND a.message_id = m.id)"
            + " OR (m.announcement_id IS NOT NULL AND EXISTS (SELECT 1 FROM messaging_attachment a"
            + " WHERE a.tenant_id = m.tenant_id AND a.announcement_id = m.announcement_id"
            + " AND a.message_id IS NULL)))) AS m_has_attachments";

    private static final String SELECT_FLAGGED = "SELECT " + Rows.MESSAGE_COLUMNS + ", " + HAS_ATTACHMENTS
            + " FROM messaging_message m";

    /**
     * The order of a page before a cursor, backwards along the key. The newest page is a statement of its own,
     * without a cursor, rather than one bound to {@code Long.MAX_VALUE}: no sentinel for a planner to estimate
     * (and its conversation opaque, see {@link #opaque}).
     */
    private static final String NEWEST_FIRST = " ORDER BY m.tenant_id DESC, m.conversation_id DESC, m.seq DESC";
    private static final String CLIENT_NEWEST_FIRST =
            " ORDER BY m.tenant_id DESC, m.conversation_id DESC, m.client_seq DESC";

    private final Jdbc jdbc;
    private final String tenantId;
    private final AttachmentSql attachments;

    /**
     * The newest page's conversation, as a value PostgreSQL's planner cannot look up in its statistics (an init plan,
     * {@code (SELECT CAST(? AS UUID))}; elsewhere the bare marker), with the page size a literal beside it. For a
     * conversation the statistics know to be long, a custom plan of "the last 50 of a million rows" always looked
     * cheaper than the generic plan, so the newest page was planned anew on every call (0.1 to 0.2 ms of a 0.25 ms
     * page); pages before a cursor took the generic plan already. The same rule as the inbox's ({@code ReadStateSql}).
     */
    private String opaque() {
        return jdbc.platform().opaque("UUID");
    }

    MessageSql(Jdbc jdbc, String tenantId, AttachmentSql attachments) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.attachments = attachments;
    }

    @Override
    public void insert(MessageRow m) {
        jdbc.update("INSERT INTO messaging_message (tenant_id, conversation_id, seq, id, author_kind, author_id,"
                        + " author_name, text, highlighted, announcement_id, client_message_id, created_at, edited_at,"
                        + " deleted_at, search_text, mentions, internal, client_seq)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenantId, m.conversationId().value(), m.seq(), m.id().value(), m.author().kind(), m.author().id(),
                m.authorName(), m.text(), m.highlighted(),
                AttachmentSql.uuidOrNull(m.announcementId() == null ? null : m.announcementId().value()),
                m.clientMessageId() == null ? Jdbc.NULL_TEXT : m.clientMessageId(), m.createdAt(),
                m.editedAt() == null ? Jdbc.NULL_TIMESTAMP : m.editedAt(),
                m.deletedAt() == null ? Jdbc.NULL_TIMESTAMP : m.deletedAt(),
                m.deletedAt() == null ? SearchWords.indexText(m.text()) : "",
                m.mentions().isEmpty() ? Jdbc.NULL_TEXT : Rows.mentionsColumn(m.mentions()), m.internal(),
                m.clientSeq());
    }

    @Override
    public Optional<MessageRow> find(MessageId id) {
        return one(SELECT + " WHERE m.tenant_id = ? AND m.id = ?", tenantId, id.value());
    }

    @Override
    public Optional<MessageRow> byClientMessageId(ConversationId id, Actor author, String clientMessageId) {
        return one(SELECT + " WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.author_kind = ?"
                        + " AND m.author_id = ? AND m.client_message_id = ?", tenantId, id.value(), author.kind(),
                author.id(), clientMessageId);
    }

    @Override
    public Optional<MessageRow> ofAnnouncement(AnnouncementId announcementId, ConversationId conversationId) {
        return one(SELECT + " WHERE m.tenant_id = ? AND m.announcement_id = ? AND m.conversation_id = ?", tenantId,
                announcementId.value(), conversationId.value());
    }

    private Optional<MessageRow> one(String sql, Object... parameters) {
        List<MessageRow> found = jdbc.query(sql, new Rows.MessageReader(jdbc.platform(), 1)::message, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(attachments.attachTo(found).get(0));
    }

    /**
     * One window of history by keyset on the primary key, ascending by seq. The ORDER BY names every key column
     * (the first two are fixed by the WHERE, so PostgreSQL's plan is the same): only then does H2 walk the key in
     * order, backwards for DESC, and stop after the page; ordered by seq alone it read every message before the
     * cursor and sorted them (the newest page of a 1,000,000-message conversation read all of them).
     */
    @Override
    public List<MessageRow> page(ConversationId id, Long beforeSeq, Long afterSeq, int limit) {
        return page(id, beforeSeq, afterSeq, limit, false);
    }

    /**
     * The clients' view walks the client seq index, passing over the notes (which share a message's client seq):
     * the same keyset shape as the team's, on {@code client_seq}.
     */
    @Override
    public List<MessageRow> page(ConversationId id, Long beforeSeq, Long afterSeq, int limit, boolean clientView) {
        if (clientView) {
            return clientPage(id, beforeSeq, afterSeq, limit);
        }
        Set<UUID> withAttachments = new HashSet<>();
        Jdbc.RowMapper<MessageRow> mapper = flagged(withAttachments);
        List<MessageRow> page;
        if (afterSeq != null) {
            page = jdbc.query(SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.seq > ?"
                    + " ORDER BY m.tenant_id, m.conversation_id, m.seq LIMIT ?", mapper, tenantId, id.value(), afterSeq,
                    limit);
        } else {
            page = new ArrayList<>(beforeSeq == null
                    ? jdbc.query(newestPage(false, limit), mapper, tenantId, id.value())
                    : jdbc.query(SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.seq < ?"
                    + NEWEST_FIRST + " LIMIT ?", mapper, tenantId, id.value(), beforeSeq, limit));
            Collections.reverse(page);
        }
        return attachments.attachTo(page, withAttachments);
    }

    private List<MessageRow> clientPage(ConversationId id, Long beforeSeq, Long afterSeq, int limit) {
        Set<UUID> withAttachments = new HashSet<>();
        Jdbc.RowMapper<MessageRow> mapper = flagged(withAttachments);
        List<MessageRow> page;
        if (afterSeq != null) {
            page = jdbc.query(SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.client_seq > ?"
                    + " AND m.internal = FALSE ORDER BY m.tenant_id, m.conversation_id, m.client_seq LIMIT ?", mapper,
                    tenantId, id.value(), afterSeq, limit);
        } else {
            page = new ArrayList<>(beforeSeq == null
                    ? jdbc.query(newestPage(true, limit), mapper, tenantId, id.value())
                    : jdbc.query(SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = ?"
                    + " AND m.client_seq < ? AND m.internal = FALSE" + CLIENT_NEWEST_FIRST + " LIMIT ?", mapper,
                    tenantId, id.value(), beforeSeq, limit));
            Collections.reverse(page);
        }
        return attachments.attachTo(page, withAttachments);
    }

    /**
     * The newest page's text for the team's view or the clients', kept per page size ({@link StatementTexts}): the
     * other pages' texts are constants, this one has the platform's opaque marker and its limit in it, and built per
     * call it was hashed and compared whole by the driver's statement cache on every newest page (about 900
     * characters: on H2 the newest page took 1.6 times RAW's, the deep page 0.75 times).
     */
    private String newestPage(boolean clientView, int limit) {
        return StatementTexts.of("MessageSql.newestPage", jdbc.platform(), ((long) limit << 1) | (clientView ? 1 : 0),
                () -> SELECT_FLAGGED + " WHERE m.tenant_id = ? AND m.conversation_id = " + opaque()
                        + (clientView ? " AND m.internal = FALSE" + CLIENT_NEWEST_FIRST : NEWEST_FIRST)
                        + " LIMIT " + limit);
    }

    /**
     * A mapper for one query of message rows with {@link #HAS_ATTACHMENTS}, reading them by position
     * ({@link Rows.MessageReader}) and noting which messages have attachments.
     */
    private Jdbc.RowMapper<MessageRow> flagged(Set<UUID> withAttachments) {
        Rows.MessageReader reader = new Rows.MessageReader(jdbc.platform(), 1);
        return row -> {
            MessageRow message = reader.message(row);
            if (reader.hasAttachments(row)) {
                withAttachments.add(message.id().value());
            }
            return message;
        };
    }

    @Override
    public boolean updateText(MessageId id, String text, Instant editedAt) {
        // Not into a deleted message: a delete may have committed since the core read the message.
        return jdbc.update("UPDATE messaging_message SET text = ?, search_text = ?, edited_at = ? WHERE tenant_id = ?"
                + " AND id = ? AND deleted_at IS NULL", text, SearchWords.indexText(text), editedAt, tenantId,
                id.value()) > 0;
    }

    @Override
    public void markDeleted(MessageId id, Instant deletedAt) {
        jdbc.update("UPDATE messaging_message SET text = '', search_text = '', deleted_at = ? WHERE tenant_id = ?"
                        + " AND id = ?",
                deletedAt, tenantId, id.value());
    }

    /**
     * One search page in one query (then one for the page's attachments), newest first. The words are matched in
     * the index text the core made ({@link SearchWords}), so both databases answer alike: PostgreSQL through the
     * GIN index of V11 ({@code search_text} cast to a tsvector, word by word, and a prefix tsquery of the terms),
     * H2 with one {@code LIKE} per term against the words with a space before each (no index: H2 is for
     * development and tests). Deleted messages have no words and are left out besides.
     */
    @Override
    public List<MessageRow> search(SearchRequest request) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT_FLAGGED).append(" WHERE m.tenant_id = ? AND m.deleted_at IS NULL");
        parameters.add(tenantId);
        if (!request.includeInternal()) {
            sql.append(" AND m.internal = FALSE");
        }
        var scope = request.scope();
        if (scope.conversationId() != null) {
            sql.append(" AND m.conversation_id = ?");
            parameters.add(scope.conversationId().value());
        } else if (scope.participantId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM messaging_participant s WHERE s.tenant_id = m.tenant_id")
                    .append(" AND s.conversation_id = m.conversation_id AND s.team_member_id = ?)");
            parameters.add(scope.participantId());
        }
        if (jdbc.platform() == Platform.POSTGRESQL) {
            sql.append(" AND CAST(m.search_text AS tsvector) @@ CAST(? AS tsquery)");
            parameters.add(request.terms().stream().map(MessageSql::prefixLexeme)
                    .collect(Collectors.joining(" & ")));
        } else {
            for (String term : request.terms()) {
                sql.append(" AND CONCAT(' ', m.search_text) LIKE ? ESCAPE '\\'");
                parameters.add("% " + likeLiteral(term) + "%");
            }
        }
        if (request.beforeCreatedAt() != null) {
            sql.append(" AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))");
            parameters.add(request.beforeCreatedAt());
            parameters.add(request.beforeCreatedAt());
            parameters.add(request.beforeMessage().value());
        }
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT ?");
        parameters.add(request.limit());
        Set<UUID> withAttachments = new HashSet<>();
        List<MessageRow> page = jdbc.query(sql.toString(), flagged(withAttachments),
                parameters.toArray());
        return attachments.attachTo(page, withAttachments);
    }

    /** A term as a quoted tsquery lexeme matching every word it starts ({@code 'term':*}), quotes escaped. */
    private static String prefixLexeme(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "':*";
    }

    /** A term with LIKE's wildcards (and the escape character) taken literally. */
    private static String likeLiteral(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

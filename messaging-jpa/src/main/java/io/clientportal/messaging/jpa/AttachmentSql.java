package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.AttachmentRows;
import io.clientportal.messaging.spi.MessageRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Attachment metadata of one tenant: uploads, references, and the batch load that fills a page's messages. */
final class AttachmentSql implements AttachmentRows {

    private static final String SELECT = "SELECT " + Rows.ATTACHMENT_COLUMNS + " FROM messaging_attachment";

    private final Jdbc jdbc;
    private final String tenantId;

    AttachmentSql(Jdbc jdbc, String tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    @Override
    public void insert(AttachmentRow a) {
        jdbc.update("INSERT INTO messaging_attachment (" + Rows.ATTACHMENT_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                tenantId, a.id().value(), a.filename(), a.contentType(), a.size(), a.sha256(), a.storageKey(),
                a.uploader().kind(), a.uploader().id(), a.uploadedAt(),
                uuidOrNull(a.conversationId() == null ? null : a.conversationId().value()),
                uuidOrNull(a.messageId() == null ? null : a.messageId().value()),
                uuidOrNull(a.announcementId() == null ? null : a.announcementId().value()));
    }

    @Override
    public Optional<AttachmentRow> find(AttachmentId id) {
        return jdbc.queryOne(SELECT + " WHERE tenant_id = ? AND id = ?", Rows::attachment, tenantId, id.value());
    }

    /** Points the uploads at their message or announcement, keeping the order in which they were listed. */
    @Override
    public void reference(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                   AnnouncementId announcementId) {
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[]{
                    uuidOrNull(conversationId == null ? null : conversationId.value()),
                    uuidOrNull(messageId == null ? null : messageId.value()),
                    uuidOrNull(announcementId == null ? null : announcementId.value()),
                    i, tenantId, ids.get(i).value()});
        }
        jdbc.batch("UPDATE messaging_attachment SET conversation_id = ?, message_id = ?, announcement_id = ?,"
                + " ordinal = ? WHERE tenant_id = ? AND id = ?", rows);
    }

    @Override
    public List<AttachmentRow> delete(List<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        ids.forEach(id -> parameters.add(id.value()));
        List<AttachmentRow> deleted = jdbc.query(jdbc.platform().returning(
                        "DELETE FROM messaging_attachment WHERE tenant_id = ? AND id IN (" + markers(ids.size()) + ")",
                        Rows.ATTACHMENT_COLUMNS), Rows::attachment, parameters.toArray());
        // Answer in the order asked, as the in-memory store does.
        List<AttachmentRow> ordered = new ArrayList<>(deleted);
        ordered.sort((a, b) -> Integer.compare(ids.indexOf(a.id()), ids.indexOf(b.id())));
        return ordered;
    }

    /** Deletes the uploads of a conversation's own messages (an announcement's stay: they are shared). */
    @Override
    public List<AttachmentRow> deleteOf(ConversationId id) {
        return jdbc.query(jdbc.platform().returning(
                "DELETE FROM messaging_attachment WHERE tenant_id = ? AND conversation_id = ?",
                Rows.ATTACHMENT_COLUMNS), Rows::attachment, tenantId, id.value());
    }

    @Override
    public List<AttachmentRow> ofAnnouncement(AnnouncementId id) {
        return jdbc.query(SELECT + " WHERE tenant_id = ? AND announcement_id = ? ORDER BY ordinal",
                Rows::attachment, tenantId, id.value());
    }

    /**
     * The same, for messages of which {@code withAttachments} names those that have attachments (a flag read with
     * them, see {@code MessageSql}): only those are looked up, and a page with none needs no query.
     */
    List<MessageRow> attachTo(List<MessageRow> messages, Set<UUID> withAttachments) {
        if (withAttachments.isEmpty()) {
            return messages;
        }
        Map<UUID, MessageRow> filled = new HashMap<>();
        for (MessageRow m : attachTo(messages.stream().filter(m -> withAttachments.contains(m.id().value())).toList())) {
            filled.put(m.id().value(), m);
        }
        return messages.stream().map(m -> filled.getOrDefault(m.id().value(), m)).toList();
    }

    /**
     * The messages with their attachments, loaded in one query for the whole page: an ordinary message's are its
     * own uploads, an announcement message's are the announcement's (stored once). Deleted messages are given
     * none, which saves the look-up (the core shows a deleted message without attachments anyway).
     */
    List<MessageRow> attachTo(List<MessageRow> messages) {
        Set<UUID> messageIds = new LinkedHashSet<>();
        Set<UUID> announcementIds = new LinkedHashSet<>();
        for (MessageRow message : messages) {
            if (message.deleted()) {
                continue;
            }
            if (message.announcementId() != null) {
                announcementIds.add(message.announcementId().value());
            } else {
                messageIds.add(message.id().value());
            }
        }
        if (messageIds.isEmpty() && announcementIds.isEmpty()) {
            return messages;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        StringBuilder where = new StringBuilder();
        if (!messageIds.isEmpty()) {
            where.append("message_id IN (").append(markers(messageIds.size())).append(')');
            parameters.addAll(messageIds);
        }
        if (!announcementIds.isEmpty()) {
            where.append(where.length() > 0 ? " OR " : "").append("(message_id IS NULL AND announcement_id IN (")
                    .append(markers(announcementIds.size())).append("))");
            parameters.addAll(announcementIds);
        }
        Map<UUID, List<AttachmentRow>> byOwner = new HashMap<>();
        for (AttachmentRow attachment : jdbc.query(SELECT + " WHERE tenant_id = ? AND (" + where + ")"
                + " ORDER BY ordinal", Rows::attachment, parameters.toArray())) {
            UUID owner = attachment.messageId() != null ? attachment.messageId().value()
                    : attachment.announcementId().value();
            byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(attachment);
        }
        if (byOwner.isEmpty()) {
            return messages;
        }
        List<MessageRow> filled = new ArrayList<>(messages.size());
        for (MessageRow m : messages) {
            UUID owner = m.deleted() ? null
                    : m.announcementId() != null ? m.announcementId().value() : m.id().value();
            List<AttachmentRow> attachments = owner == null ? null : byOwner.get(owner);
            filled.add(attachments == null ? m : m.withAttachments(attachments));
        }
        return Collections.unmodifiableList(filled);
    }

    /** Deletes, across tenants, up to {@code limit} uploads nothing references that are older than the cut-off. */
    static List<AttachmentRow> deleteUnreferenced(Jdbc jdbc, Instant uploadedBefore, int limit) {
        record Candidate(String tenantId, AttachmentRow attachment) {
        }
        List<Candidate> candidates = jdbc.query(SELECT + " WHERE message_id IS NULL AND announcement_id IS NULL"
                        + " AND uploaded_at < ? ORDER BY uploaded_at LIMIT ?",
                row -> new Candidate(row.getString("tenant_id"), Rows.attachment(row)), uploadedBefore, limit);
        List<AttachmentRow> deleted = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            // Re-checked in the DELETE: an upload claimed meanwhile stays.
            int count = jdbc.update("DELETE FROM messaging_attachment WHERE tenant_id = ? AND id = ?"
                            + " AND message_id IS NULL AND announcement_id IS NULL",
                    candidate.tenantId(), candidate.attachment().id().value());
            if (count > 0) {
                deleted.add(candidate.attachment());
            }
        }
        return deleted;
    }

    static String markers(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static Object uuidOrNull(UUID value) {
        return value == null ? Jdbc.NULL_UUID : value;
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.MessageRow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.clientportal.messaging.jpa.Jdbc.instant;
import static io.clientportal.messaging.jpa.Jdbc.uuid;

/** Maps result rows to the SPI's rows. Column lists and mappers live side by side so they can't drift. */
final class Rows {

    static final String CONVERSATION_COLUMNS = "c.id AS c_id, c.client_account_id AS c_client_account_id,"
            + " c.client_name AS c_client_name, c.last_seq AS c_last_seq, c.created_at AS c_created_at,"
            + " c.last_message_at AS c_last_message_at, c.assignee_id AS c_assignee_id,"
            + " c.team_status AS c_team_status, c.team_changed_at AS c_team_changed_at,"
            + " c.last_client_seq AS c_last_client_seq, c.last_client_message_at AS c_last_client_message_at";

    static final String MESSAGE_COLUMNS = "m.conversation_id AS m_conversation_id, m.seq AS m_seq, m.id AS m_id,"
            + " m.author_kind AS m_author_kind, m.author_id AS m_author_id, m.author_name AS m_author_name,"
            + " m.text AS m_text, m.highlighted AS m_highlighted, m.announcement_id AS m_announcement_id,"
            + " m.client_message_id AS m_client_message_id, m.created_at AS m_created_at,"
            + " m.edited_at AS m_edited_at, m.deleted_at AS m_deleted_at, m.mentions AS m_mentions,"
            + " m.internal AS m_internal, m.client_seq AS m_client_seq";

    /** What separates the mentioned ids in the message's {@code mentions} column: ids hold no control characters. */
    private static final String MENTION_SEPARATOR = "\n";

    static final String ATTACHMENT_COLUMNS = "tenant_id, id, filename, content_type, size_bytes, sha256,"
            + " storage_key, uploader_kind, uploader_id, uploaded_at, conversation_id, message_id, announcement_id,"
            + " ordinal";

    private Rows() {
    }

    /**
     * Reads message rows by column position, from column {@code first}, where {@link #MESSAGE_COLUMNS} start (always
     * selected whole and in their order; 1 for a query that selects them first), followed by
     * {@link MessageSql#HAS_ATTACHMENTS} if it asks for that flag. No label is looked up: H2 looks a label up anew
     * on every {@code getXxx(label)}, upper-casing it, and its first lookup of a statement builds a map of every
     * label (on a history page of 50, a quarter of the page's time).
     */
    record MessageReader(Platform platform, int first) {

        /** How many columns {@link #MESSAGE_COLUMNS} selects; {@link MessageSql#HAS_ATTACHMENTS} may follow them. */
        static final int COLUMNS = 16;

        /** The row's message, without attachments (they are loaded per page, see {@link AttachmentSql#attachTo}). */
        MessageRow message(ResultSet row) throws SQLException {
            int at = first;
            UUID announcement = row.getObject(at + 8, UUID.class);
            return new MessageRow(new MessageId(row.getObject(at + 2, UUID.class)),
                    new ConversationId(row.getObject(at, UUID.class)), row.getLong(at + 1),
                    actor(row.getString(at + 3), row.getString(at + 4)), row.getString(at + 5),
                    row.getString(at + 6), List.of(), row.getBoolean(at + 7),
                    announcement == null ? null : new AnnouncementId(announcement), row.getString(at + 9),
                    Jdbc.instant(row, at + 10, platform), Jdbc.instant(row, at + 11, platform),
                    Jdbc.instant(row, at + 12, platform),
                    Rows.mentions(row.getString(at + 13)), row.getBoolean(at + 14), row.getLong(at + 15));
        }

        /** Whether the row holds a message at all (an outer join's row without one has a null id). */
        boolean present(ResultSet row) throws SQLException {
            return row.getObject(first + 2) != null;
        }

        /** The row's {@code m_has_attachments} flag ({@link MessageSql#HAS_ATTACHMENTS}). */
        boolean hasAttachments(ResultSet row) throws SQLException {
            return row.getBoolean(first + COLUMNS);
        }
    }

    /**
     * Reads the conversation rows ({@link #CONVERSATION_COLUMNS}) of one query by column position, from column
     * {@code first}, where they start, as {@link MessageReader} reads messages: no label is looked up (by label, an
     * inbox page of 21 rows read 11 labels per row, and H2 builds a map of every label of the statement at the first
     * lookup).
     */
    record ConversationReader(Platform platform, int first) {

        /** How many columns {@link #CONVERSATION_COLUMNS} selects. */
        static final int COLUMNS = 11;

        /** The row's conversation. */
        ConversationRow conversation(ResultSet row) throws SQLException {
            int at = first;
            return new ConversationRow(new ConversationId(row.getObject(at, UUID.class)),
                    row.getString(at + 1), row.getString(at + 2), row.getLong(at + 3),
                    Jdbc.instant(row, at + 4, platform), Jdbc.instant(row, at + 5, platform),
                    row.getString(at + 6), status(row.getString(at + 7)),
                    Jdbc.instant(row, at + 8, platform), row.getLong(at + 9),
                    Jdbc.instant(row, at + 10, platform));
        }
    }

    /** A team status as stored: a switch, not {@code valueOf} (a map lookup of the name, for every row read). */
    static ConversationStatus status(String name) {
        return switch (name) {
            case "OPEN" -> ConversationStatus.OPEN;
            case "WAITING" -> ConversationStatus.WAITING;
            case "DONE" -> ConversationStatus.DONE;
            default -> ConversationStatus.valueOf(name);
        };
    }

    /** The {@code mentions} column's value: {@code null} for none. */
    static String mentionsColumn(List<String> mentions) {
        return mentions.isEmpty() ? null : String.join(MENTION_SEPARATOR, mentions);
    }

    private static List<String> mentions(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split(MENTION_SEPARATOR));
    }

    /** An attachment row read with {@link #ATTACHMENT_COLUMNS} (its tenant is the caller's to read). */
    static AttachmentRow attachment(ResultSet row) throws SQLException {
        UUID conversationId = uuid(row, "conversation_id");
        UUID messageId = uuid(row, "message_id");
        UUID announcementId = uuid(row, "announcement_id");
        return new AttachmentRow(new AttachmentId(uuid(row, "id")), row.getString("filename"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"),
                actor(row.getString("uploader_kind"), row.getString("uploader_id")), row.getString("storage_key"),
                instant(row, "uploaded_at"),
                conversationId == null ? null : new ConversationId(conversationId),
                messageId == null ? null : new MessageId(messageId),
                announcementId == null ? null : new AnnouncementId(announcementId));
    }

    static Actor actor(String kind, String id) {
        // A switch, not Kind.valueOf: that looks the name up in a map, for every author of every row read.
        Actor.Kind known = switch (kind) {
            case "CLIENT_USER" -> Actor.Kind.CLIENT_USER;
            case "TEAM_MEMBER" -> Actor.Kind.TEAM_MEMBER;
            default -> Actor.Kind.valueOf(kind);
        };
        return new Actor(known, id);
    }
}

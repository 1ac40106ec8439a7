package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message as a store keeps it. The core makes the API's {@code Message} of it (and decides, for instance, what
 * a deleted message shows).
 *
 * @param id              never {@code null}
 * @param conversationId  never {@code null}
 * @param seq             its position in the conversation, from 1
 * @param author          never {@code null}
 * @param authorName      the author's display name when it was written, never {@code null}
 * @param text            never {@code null} (empty once deleted)
 * @param attachments     as read: the message's own attachments, or for an announcement's message the
 *                        announcement's, in the order they were referenced; never {@code null}. Ignored when
 *                        written: attachments are linked with {@link AttachmentRows#reference}
 * @param highlighted     whether it stands out (announcements)
 * @param announcementId  the announcement it was delivered for, or {@code null}
 * @param clientMessageId the author's idempotency key, or {@code null}
 * @param createdAt       never {@code null}
 * @param editedAt        the last edit, or {@code null}
 * @param deletedAt       when it was deleted, or {@code null}
 * @param mentions        the team member ids it mentions, in order, without repeats; never {@code null} (stored
 *                        as written; the core decides what a deleted message shows)
 * @param internal        whether it is an internal note (the team's only)
 * @param clientSeq       the number of messages that are not internal at or before it in the conversation: for a
 *                        message that is not internal its gap-free position in the clients' view (from 1), for a
 *                        note that of the last such message before it (0 when there is none). Taken with the seq
 *                        ({@link ConversationRows#takeSeq(ConversationId, Instant, boolean)})
 */
public record MessageRow(MessageId id, ConversationId conversationId, long seq, Actor author, String authorName,
                         String text, List<AttachmentRow> attachments, boolean highlighted,
                         AnnouncementId announcementId, String clientMessageId, Instant createdAt, Instant editedAt,
                         Instant deletedAt, List<String> mentions, boolean internal, long clientSeq) {

    public MessageRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(conversationId, "conversationId must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(authorName, "authorName must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /**
     * A row without mentions that is not internal, in a conversation without notes, where the clients' position is
     * the seq (the record as it was before mentions and notes).
     */
    public MessageRow(MessageId id, ConversationId conversationId, long seq, Actor author, String authorName,
                      String text, List<AttachmentRow> attachments, boolean highlighted, AnnouncementId announcementId,
                      String clientMessageId, Instant createdAt, Instant editedAt, Instant deletedAt) {
        this(id, conversationId, seq, author, authorName, text, attachments, highlighted, announcementId,
                clientMessageId, createdAt, editedAt, deletedAt, List.of(), false, seq);
    }

    /** Whether it was deleted. */
    public boolean deleted() {
        return deletedAt != null;
    }

    /** This row with the given attachments (as a store reads them). */
    public MessageRow withAttachments(List<AttachmentRow> attachments) {
        return new MessageRow(id, conversationId, seq, author, authorName, text, attachments, highlighted,
                announcementId, clientMessageId, createdAt, editedAt, deletedAt, mentions, internal, clientSeq);
    }

    /** This row with another text, edit time and delete time (as a store rewrites it). */
    public MessageRow rewritten(String text, Instant editedAt, Instant deletedAt) {
        return new MessageRow(id, conversationId, seq, author, authorName, text, attachments, highlighted,
                announcementId, clientMessageId, createdAt, editedAt, deletedAt, mentions, internal, clientSeq);
    }
}

package io.clientportal.messaging.model;

import io.clientportal.messaging.Actor;

import java.time.Instant;
import java.util.List;

/**
 * A message in a conversation. A deleted message stays as a tombstone: it keeps its seq, its text is empty and
 * its attachments are gone.
 *
 * @param id              the message's id
 * @param conversationId  its conversation
 * @param seq             its position in the conversation, assigned by the server, gap-free from 1: for the team
 *                        among messages and notes, for a client among the messages it sees (its client seq)
 * @param author          who posted it
 * @param authorName      the author's display name when it was posted
 * @param text            the text; empty for a deleted message
 * @param attachments     the attachments, unmodifiable
 * @param highlighted     whether it is set apart in the chat (announcements can be highlighted)
 * @param announcementId  the announcement it delivers, {@code null} for an ordinary message
 * @param clientMessageId the poster's idempotency key, {@code null} if none was given
 * @param createdAt       when it was posted
 * @param editedAt        when it was last edited, {@code null} if never
 * @param deleted         whether it was deleted
 * @param mentions        the ids of the team members it mentions, in the order given, without repeats,
 *                        unmodifiable; kept when the message is edited, empty once it is deleted
 * @param internal        whether it is an internal note: seen by the team only, never by a client (a client is
 *                        never given a note, and the seqs a client is given count only what it may see)
 */
public record Message(MessageId id, ConversationId conversationId, long seq, Actor author, String authorName,
                      String text, List<Attachment> attachments, boolean highlighted,
                      AnnouncementId announcementId, String clientMessageId,
                      Instant createdAt, Instant editedAt, boolean deleted, List<String> mentions,
                      boolean internal) {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** A message without mentions that is not an internal note, as before either existed. */
    public Message(MessageId id, ConversationId conversationId, long seq, Actor author, String authorName,
                   String text, List<Attachment> attachments, boolean highlighted, AnnouncementId announcementId,
                   String clientMessageId, Instant createdAt, Instant editedAt, boolean deleted) {
        this(id, conversationId, seq, author, authorName, text, attachments, highlighted, announcementId,
                clientMessageId, createdAt, editedAt, deleted, List.of(), false);
    }

    /** This message with another seq (the core gives a client the message's position among what it may see). */
    public Message withSeq(long seq) {
        return new Message(id, conversationId, seq, author, authorName, text, attachments, highlighted,
                announcementId, clientMessageId, createdAt, editedAt, deleted, mentions, internal);
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages in one unit of work. Rows read carry their attachments ({@link MessageRow#attachments}). Arguments are
 * never {@code null} unless documented; returned lists are never {@code null}.
 */
public interface MessageRows {

    /**
     * Inserts a message whose seq was taken with {@link ConversationRows#takeSeq} in this unit of work.
     *
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#CLIENT_MESSAGE_ID} if the author already
     *                               has a message with the same client message id in the conversation
     */
    void insert(MessageRow message);

    /** The message, or empty. */
    Optional<MessageRow> find(MessageId id);

    /** The author's message with this client message id in the conversation, or empty. */
    Optional<MessageRow> byClientMessageId(ConversationId id, Actor author, String clientMessageId);

    /** The message an announcement left in a conversation, or empty. */
    Optional<MessageRow> ofAnnouncement(AnnouncementId announcementId, ConversationId conversationId);

    /**
     * A window of a conversation's messages, ascending by seq: with {@code beforeSeq}, the {@code limit} highest
     * seqs below it; with {@code afterSeq}, the {@code limit} lowest above it; with neither (both {@code null}),
     * the {@code limit} highest. Never both.
     */
    List<MessageRow> page(ConversationId id, Long beforeSeq, Long afterSeq, int limit);

    /**
     * A window of history as {@link #page(ConversationId, Long, Long, int)}, or, with {@code clientView}, a window
     * of the conversation's messages that are not internal notes, by {@link MessageRow#clientSeq} (the cursors are
     * clientSeqs). The default serves a store without notes, where the two views are one.
     */
    default List<MessageRow> page(ConversationId id, Long beforeSeq, Long afterSeq, int limit, boolean clientView) {
        return page(id, beforeSeq, afterSeq, limit);
    }

    /**
     * Replaces a message's text and sets {@code editedAt}, unless the message is deleted by then (a delete that
     * committed after the core read it).
     *
     * @return whether it was written
     */
    boolean updateText(MessageId id, String text, Instant editedAt);

    /** Sets a message's {@code deletedAt} and erases its text (stores the empty string). Its seq stays. */
    void markDeleted(MessageId id, Instant deletedAt);

    /**
     * One page of a full-text search ({@link SearchRequest}): at most {@code limit} rows, in the request's order,
     * with their attachments.
     *
     * @throws UnsupportedOperationException when the store has no search (the default)
     */
    default List<MessageRow> search(SearchRequest request) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support search");
    }
}

package io.clientportal.messaging.event;

import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A message was deleted; its tombstone keeps the seq. An internal note's event reaches the team (and webhooks) only.
 *
 * @param internal  whether the message was an internal note
 * @param clientSeq as {@link MessagePosted#clientSeq}
 */
public record MessageDeleted(String eventId, String tenantId, ConversationId conversationId, Instant at,
                             MessageId messageId, long seq, boolean internal, long clientSeq)
        implements MessagingEvent {

    /** The event of a message in a conversation without notes, where the clients' position is the seq. */
    public MessageDeleted(String eventId, String tenantId, ConversationId conversationId, Instant at,
                          MessageId messageId, long seq) {
        this(eventId, tenantId, conversationId, at, messageId, seq, false, seq);
    }
}

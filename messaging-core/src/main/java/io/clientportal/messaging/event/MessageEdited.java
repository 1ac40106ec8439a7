package io.clientportal.messaging.event;

import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A message's text was edited. An internal note's event reaches the team (and webhooks) only.
 *
 * @param clientSeq as {@link MessagePosted#clientSeq}
 */
public record MessageEdited(String eventId, String tenantId, ConversationId conversationId, Instant at, Message message,
                            long clientSeq)
        implements MessagingEvent {

    /** The event of a message in a conversation without notes, where the clients' position is the seq. */
    public MessageEdited(String eventId, String tenantId, ConversationId conversationId, Instant at,
                         Message message) {
        this(eventId, tenantId, conversationId, at, message, message.seq());
    }
}

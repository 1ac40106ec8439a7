package io.clientportal.messaging.event;

import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A message was posted (also each delivery of an announcement). An internal note's event reaches the team (and
 * webhooks) only; a client receives the message with its seq in the clients' view ({@code clientSeq}).
 *
 * @param clientSeq the message's position among the conversation's messages that are not internal notes (that of
 *                  the last one before it, for a note); 0 in events logged before notes existed
 */
public record MessagePosted(String eventId, String tenantId, ConversationId conversationId, Instant at, Message message,
                            long clientSeq)
        implements MessagingEvent {

    /** The event of a message in a conversation without notes, where the clients' position is the seq. */
    public MessagePosted(String eventId, String tenantId, ConversationId conversationId, Instant at,
                         Message message) {
        this(eventId, tenantId, conversationId, at, message, message.seq());
    }
}

package io.clientportal.messaging.event;

import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A message was deleted; its tombstone keeps the seq.
 */
public record MessageDeleted(String eventId, String tenantId, ConversationId conversationId, Instant at, MessageId messageId, long seq)
        implements MessagingEvent {
}

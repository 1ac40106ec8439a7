package io.clientportal.messaging.event;

import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A message was posted (also each delivery of an announcement).
 */
public record MessagePosted(String eventId, String tenantId, ConversationId conversationId, Instant at, Message message)
        implements MessagingEvent {
}

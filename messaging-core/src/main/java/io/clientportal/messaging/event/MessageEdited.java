package io.clientportal.messaging.event;

import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A message's text was edited.
 */
public record MessageEdited(String eventId, String tenantId, ConversationId conversationId, Instant at, Message message)
        implements MessagingEvent {
}

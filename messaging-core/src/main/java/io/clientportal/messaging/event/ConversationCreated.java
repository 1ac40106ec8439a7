package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A client account and its conversation were created.
 */
public record ConversationCreated(String eventId, String tenantId, ConversationId conversationId, Instant at, String clientAccountId, String clientName)
        implements MessagingEvent {
}

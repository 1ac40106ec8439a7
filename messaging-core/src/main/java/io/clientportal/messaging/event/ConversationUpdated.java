package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A conversation's client account was renamed.
 */
public record ConversationUpdated(String eventId, String tenantId, ConversationId conversationId, Instant at, String clientAccountId, String clientName)
        implements MessagingEvent {
}

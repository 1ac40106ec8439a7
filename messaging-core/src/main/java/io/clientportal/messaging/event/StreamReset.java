package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * Sent first to a subscriber whose last event id is older than the log keeps: reload state, then go on. Never stored.
 */
public record StreamReset(String eventId, String tenantId, ConversationId conversationId, Instant at)
        implements MessagingEvent {
}

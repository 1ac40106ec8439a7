package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A client user was removed by the host. Not sent to subscribers.
 */
public record ClientUserRemoved(String eventId, String tenantId, ConversationId conversationId, Instant at, String clientUserId, String clientAccountId)
        implements MessagingEvent {
}

package io.clientportal.messaging.event;

import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A client user was added or renamed by the host. Not sent to subscribers.
 */
public record ClientUserChanged(String eventId, String tenantId, ConversationId conversationId, Instant at, ClientUser clientUser)
        implements MessagingEvent {
}

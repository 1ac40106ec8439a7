package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A team member was removed by the host. Not sent to subscribers.
 */
public record TeamMemberRemoved(String eventId, String tenantId, ConversationId conversationId, Instant at, String teamMemberId)
        implements MessagingEvent {
}

package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A team member was removed from a conversation; their streams stop receiving it.
 */
public record ParticipantRemoved(String eventId, String tenantId, ConversationId conversationId, Instant at, String teamMemberId)
        implements MessagingEvent {
}

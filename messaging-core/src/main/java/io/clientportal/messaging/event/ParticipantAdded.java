package io.clientportal.messaging.event;

import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A team member was added to a conversation.
 */
public record ParticipantAdded(String eventId, String tenantId, ConversationId conversationId, Instant at, Participant participant)
        implements MessagingEvent {
}

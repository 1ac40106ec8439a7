package io.clientportal.messaging.event;

import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A participant's access changed.
 */
public record ParticipantAccessChanged(String eventId, String tenantId, ConversationId conversationId, Instant at, Participant participant)
        implements MessagingEvent {
}

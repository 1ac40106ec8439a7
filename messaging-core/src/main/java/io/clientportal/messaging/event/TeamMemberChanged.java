package io.clientportal.messaging.event;

import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A team member was created or updated by the host. Not sent to subscribers.
 */
public record TeamMemberChanged(String eventId, String tenantId, ConversationId conversationId, Instant at, TeamMember teamMember)
        implements MessagingEvent {
}

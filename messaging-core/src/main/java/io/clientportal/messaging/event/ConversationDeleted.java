package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.List;

/**
 * A client account was deleted with its conversation. Carries who could see it, since it is gone.
 */
public record ConversationDeleted(String eventId, String tenantId, ConversationId conversationId, Instant at, String clientAccountId, List<String> teamMemberIds, List<String> clientUserIds)
        implements MessagingEvent {
}

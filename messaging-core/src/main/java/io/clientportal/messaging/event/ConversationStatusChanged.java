package io.clientportal.messaging.event;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;

import java.time.Instant;

/**
 * A conversation's team status changed: set by a team member, or reopened by a client's new message. Team-only, as
 * {@link ConversationAssigned}.
 *
 * @param status the new status
 * @param by     who changed it (a client user when their message reopened it)
 */
public record ConversationStatusChanged(String eventId, String tenantId, ConversationId conversationId, Instant at,
                                        ConversationStatus status, Actor by) implements MessagingEvent {
}

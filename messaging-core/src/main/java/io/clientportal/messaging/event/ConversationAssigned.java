package io.clientportal.messaging.event;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A conversation was assigned to a team member or unassigned. Team-only: delivered to the team members who can see
 * the conversation (and to notifiers and webhooks, which are the host's), never to a client user's feed.
 *
 * @param assigneeId   the new assignee, {@code null} when it is now unassigned
 * @param assigneeName the new assignee's display name, {@code null} when unassigned
 * @param by           who changed it; {@code null} when the directory removed the assignee
 */
public record ConversationAssigned(String eventId, String tenantId, ConversationId conversationId, Instant at,
                                   String assigneeId, String assigneeName, Actor by) implements MessagingEvent {
}

package io.clientportal.messaging.event;

import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * An announcement reached every target. {@code conversationId} is null.
 */
public record AnnouncementDelivered(String eventId, String tenantId, ConversationId conversationId, Instant at, AnnouncementId announcementId, String authorId, int deliveredCount)
        implements MessagingEvent {
}

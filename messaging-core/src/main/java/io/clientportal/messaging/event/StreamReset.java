package io.clientportal.messaging.event;


import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * Sent first to a subscriber whose last event id is older than the log keeps: reload state, then go on. Also sent
 * last to a subscriber closed because it fell too far behind (or its listener stopped returning): its
 * {@code eventId} is then the id of the last event it received, so a reconnect with that id resumes without a gap.
 * Never stored.
 */
public record StreamReset(String eventId, String tenantId, ConversationId conversationId, Instant at)
        implements MessagingEvent {
}

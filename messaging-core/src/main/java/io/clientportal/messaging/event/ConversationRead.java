package io.clientportal.messaging.event;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A reader's horizon moved forward.
 */
public record ConversationRead(String eventId, String tenantId, ConversationId conversationId, Instant at, Actor reader, long seq)
        implements MessagingEvent {
}

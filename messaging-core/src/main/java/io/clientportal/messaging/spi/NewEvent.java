package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * An event to append; the store assigns its position.
 *
 * @param type           the event's type name
 * @param conversationId the conversation concerned, or {@code null}
 * @param payload        the encoded event, never {@code null}
 * @param createdAt      when the change happened
 */
public record NewEvent(String type, ConversationId conversationId, String payload, Instant createdAt) {
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * One entry of the event log as the store keeps it. The payload is the core's encoding; stores keep it verbatim.
 *
 * @param position       the event's position, assigned by the store, unique and increasing in append order
 * @param tenantId       the tenant
 * @param type           the event's type name
 * @param conversationId the conversation concerned, or {@code null}
 * @param payload        the encoded event, never {@code null}
 * @param createdAt      when it was appended
 */
public record EventRecord(long position, String tenantId, String type, ConversationId conversationId,
                          String payload, Instant createdAt) {
}

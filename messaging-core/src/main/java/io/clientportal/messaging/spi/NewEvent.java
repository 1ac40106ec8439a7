package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event to append; the store assigns its position.
 *
 * @param type             the event's type name
 * @param conversationId   the conversation concerned, or {@code null}
 * @param payload          the encoded event, never {@code null}
 * @param createdAt        when the change happened
 * @param webhookEndpoints the webhook endpoints (their names) that must receive this event: the store queues one
 *                         delivery per endpoint in the same unit of work (see {@link WebhookDeliveryStore});
 *                         never {@code null}, usually empty
 * @param trace            the trace context of the write, kept with its webhook deliveries (their requests carry
 *                         it, see {@link WebhookDeliveryRecord#trace()}); {@code null} when the write was not traced
 *                         or no webhook receives the event. Stores need not keep it with the event itself.
 */
public record NewEvent(String type, ConversationId conversationId, String payload, Instant createdAt,
                       List<String> webhookEndpoints, TraceHeaders trace) {

    public NewEvent {
        webhookEndpoints = List.copyOf(Objects.requireNonNull(webhookEndpoints, "webhookEndpoints must not be null"));
    }

    /** An event for these webhook endpoints, from a write that was not traced. */
    public NewEvent(String type, ConversationId conversationId, String payload, Instant createdAt,
                    List<String> webhookEndpoints) {
        this(type, conversationId, payload, createdAt, webhookEndpoints, null);
    }

    /** An event no webhook receives. */
    public NewEvent(String type, ConversationId conversationId, String payload, Instant createdAt) {
        this(type, conversationId, payload, createdAt, List.of(), null);
    }
}

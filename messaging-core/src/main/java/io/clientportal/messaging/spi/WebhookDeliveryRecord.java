package io.clientportal.messaging.spi;

import java.time.Instant;

/**
 * One webhook delivery as the store keeps it: which event goes to which endpoint, and how far delivery got.
 *
 * @param id            the delivery's id, assigned by the store, never {@code null}
 * @param endpoint      the endpoint's name
 * @param eventPosition the event's position in the log (its id)
 * @param tenantId      the event's tenant
 * @param eventType     the event's type name
 * @param payload       the encoded event, as appended
 * @param createdAt     when the event happened
 * @param dead          whether the delivery gave up (a dead letter)
 * @param attempts      attempts made (or, from {@link WebhookDeliveryStore#claimDue}, the one being made)
 * @param nextAttemptAt when it is due next (or the lease's end while claimed)
 * @param lastError     why the last attempt failed, or {@code null}
 * @param trace         the trace context of the write that produced the event ({@link NewEvent#trace()}), sent as
 *                      the request's {@code traceparent} and {@code tracestate}; {@code null} when there was none
 */
public record WebhookDeliveryRecord(String id, String endpoint, long eventPosition, String tenantId,
                                    String eventType, String payload, Instant createdAt, boolean dead, int attempts,
                                    Instant nextAttemptAt, String lastError, TraceHeaders trace) {

    /** A delivery of an event whose write was not traced. */
    public WebhookDeliveryRecord(String id, String endpoint, long eventPosition, String tenantId, String eventType,
                                 String payload, Instant createdAt, boolean dead, int attempts, Instant nextAttemptAt,
                                 String lastError) {
        this(id, endpoint, eventPosition, tenantId, eventType, payload, createdAt, dead, attempts, nextAttemptAt,
                lastError, null);
    }

    /** This delivery at another stage: the given state, everything else (payload and trace included) the same. */
    public WebhookDeliveryRecord withState(boolean dead, int attempts, Instant nextAttemptAt, String lastError) {
        return new WebhookDeliveryRecord(id, endpoint, eventPosition, tenantId, eventType, payload, createdAt, dead,
                attempts, nextAttemptAt, lastError, trace);
    }
}

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
 */
public record WebhookDeliveryRecord(String id, String endpoint, long eventPosition, String tenantId,
                                    String eventType, String payload, Instant createdAt, boolean dead, int attempts,
                                    Instant nextAttemptAt, String lastError) {
}

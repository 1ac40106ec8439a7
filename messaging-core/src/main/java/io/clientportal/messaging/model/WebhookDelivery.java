package io.clientportal.messaging.model;

import java.time.Instant;

/**
 * A webhook delivery that is still in the store: pending (being tried) or dead (gave up; replay it).
 *
 * @param id            the delivery's id
 * @param endpoint      the endpoint's name
 * @param eventId       the event's id, also the {@code webhook-id} header (stable across retries)
 * @param eventType     the event's type name
 * @param tenantId      the event's tenant
 * @param dead          whether it gave up
 * @param attempts      attempts made
 * @param nextAttemptAt when it is due next (pending only; for a dead letter, when it gave up)
 * @param lastError     why the last attempt failed, or {@code null}
 */
public record WebhookDelivery(String id, String endpoint, String eventId, String eventType, String tenantId,
                              boolean dead, int attempts, Instant nextAttemptAt, String lastError) {
}

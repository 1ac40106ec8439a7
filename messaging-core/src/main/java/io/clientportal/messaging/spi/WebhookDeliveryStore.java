package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable state of webhook deliveries, shared by every application instance on one store. Deliveries are
 * queued with their event ({@link EventRows#append}); the core claims due ones, sends them and records
 * the outcome. A claim is a lease: the claimed delivery is not due again until {@code leaseUntil}, so two instances
 * never send the same attempt at once, and an instance that dies mid-send leaves the delivery to whoever claims it
 * after the lease (its own restart or another instance). Outcomes name the attempt they belong to and change
 * nothing if another claim has happened since.
 */
public interface WebhookDeliveryStore {

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now} (oldest due first), skipping any another
     * instance is claiming at the same moment: each claimed delivery's attempt count goes up by one and it is not
     * due again before {@code leaseUntil}.
     *
     * @return the claimed deliveries, with {@link WebhookDeliveryRecord#attempts()} the attempt now being made
     */
    List<WebhookDeliveryRecord> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Attempt {@code attempt} succeeded: the delivery is done (and forgotten). */
    void delivered(String id, int attempt);

    /** Attempt {@code attempt} failed; try again from {@code nextAttemptAt}. */
    void retryLater(String id, int attempt, Instant nextAttemptAt, String error);

    /** Attempt {@code attempt} failed and was the last: the delivery becomes a dead letter. */
    void deadLetter(String id, int attempt, Instant at, String error);

    /** Dead letters, oldest first, after the given id ({@code null} for the first page). */
    List<WebhookDeliveryRecord> deadLetters(String afterId, int limit);

    /** One delivery, pending or dead. */
    Optional<WebhookDeliveryRecord> delivery(String id);

    /** Puts a dead letter back in the queue, due at {@code now}, with its attempts reset; false if not dead. */
    boolean replay(String id, Instant now);

    /**
     * What waits, per endpoint that has pending deliveries or dead letters, ordered by endpoint name: the operators'
     * view (the Actuator endpoint {@code messaging}). One query; it counts rows, so keep it off hot paths. The
     * default fails, so a store that predates it says so rather than reporting an empty queue.
     *
     * @throws UnsupportedOperationException when the store cannot tell
     */
    default List<WebhookBacklog> backlog() {
        throw new UnsupportedOperationException(getClass().getName() + " does not report its webhook backlog");
    }
}

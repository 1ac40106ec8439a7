package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What waits for one webhook endpoint: deliveries still to be made and dead letters.
 *
 * @param endpoint      the endpoint's name, never {@code null}
 * @param pending       deliveries not made yet (due, waiting for a retry, or being sent)
 * @param dead          dead letters
 * @param oldestPending when the event of the oldest pending delivery happened, or {@code null} when none is pending
 */
public record WebhookBacklog(String endpoint, long pending, long dead, Instant oldestPending) {

    public WebhookBacklog {
        Objects.requireNonNull(endpoint, "endpoint must not be null");
    }

    /** This endpoint's backlog and {@code other}'s (of the same endpoint) together. */
    public WebhookBacklog plus(WebhookBacklog other) {
        Instant oldest = oldestPending == null ? other.oldestPending : other.oldestPending == null ? oldestPending
                : oldestPending.isBefore(other.oldestPending) ? oldestPending : other.oldestPending;
        return new WebhookBacklog(endpoint, pending + other.pending, dead + other.dead, oldest);
    }
}

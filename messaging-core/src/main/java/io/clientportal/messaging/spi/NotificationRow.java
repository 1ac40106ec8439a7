package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.NotificationPreferences;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's notification state as a store keeps it: one row per (tenant, recipient).
 *
 * @param recipient    never {@code null}
 * @param dueAt        when the pending notification is due; {@code null} when none is pending
 * @param lastSentAt   when the last notification was sent; {@code null} before the first
 * @param coveredUntil the creation time of the newest message the last notification covered: what is newer is new
 *                     for the next one; {@code null} before the first
 * @param attempts     failed sends of the pending notification in a row
 * @param leaseOwner   the node that claimed the pending notification, or {@code null}
 * @param leaseUntil   until when that claim keeps other nodes off, or {@code null} (exactly when leaseOwner is)
 * @param preferences  the person's choice, or {@code null} while they made none
 */
public record NotificationRow(Actor recipient, Instant dueAt, Instant lastSentAt, Instant coveredUntil, int attempts,
                              String leaseOwner, Instant leaseUntil, NotificationPreferences preferences) {

    public NotificationRow {
        Objects.requireNonNull(recipient, "recipient must not be null");
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException("leaseOwner and leaseUntil go together");
        }
    }

    /** A row with nothing pending, never sent, no preferences. */
    public static NotificationRow empty(Actor recipient) {
        return new NotificationRow(recipient, null, null, null, 0, null, null, null);
    }

    /** This row with another pending due time (or none) and no lease. */
    public NotificationRow rescheduled(Instant dueAt, int attempts) {
        return new NotificationRow(recipient, dueAt, lastSentAt, coveredUntil, attempts, null, null, preferences);
    }

    /** This row after a successful send: nothing pending, no lease. */
    public NotificationRow sent(Instant sentAt, Instant coveredUntil) {
        return new NotificationRow(recipient, null, sentAt, coveredUntil, 0, null, null, preferences);
    }

    /** This row with other preferences. */
    public NotificationRow withPreferences(NotificationPreferences preferences) {
        return new NotificationRow(recipient, dueAt, lastSentAt, coveredUntil, attempts, leaseOwner, leaseUntil,
                preferences);
    }

    /** Whether {@code owner} holds the claim on this row. */
    public boolean leasedBy(String owner) {
        return owner.equals(leaseOwner);
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;

import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The unit of work's view of notification state ({@link NotificationRow}), one row per recipient of the tenant.
 * The core decides when a notification is due, what it says and when it is done; a store keeps the rows.
 */
public interface NotificationRows {

    /**
     * Makes a notification due at {@code dueAt} for {@code recipient} unless one is pending already (a pending due
     * time is never moved back by a later post); creates the row if there is none. Called in the unit of work of the
     * post that makes it due. Must take the row's write lock (as an update does) even when one is pending, so that a
     * node finishing a send under that lock ({@link #lock}) either sees this unit's message or is seen by it.
     *
     * @param recipient never {@code null}
     * @param dueAt     never {@code null}
     */
    void schedule(Actor recipient, Instant dueAt);

    /**
     * {@link #schedule} for every client user of the accounts of these conversations (an announcement's chunk), in
     * one set-based statement. The default does nothing and answers {@code false}: the core then schedules them one
     * by one.
     *
     * @param conversations distinct conversation ids, never {@code null}
     * @param dueAt         never {@code null}
     * @return whether the store scheduled them
     */
    default boolean scheduleClientsOf(Collection<ConversationId> conversations, Instant dueAt) {
        return false;
    }

    /** The recipient's row, if there is one. */
    Optional<NotificationRow> find(Actor recipient);

    /** The recipient's row, locked for update until the unit ends, if there is one. */
    Optional<NotificationRow> lock(Actor recipient);

    /** Writes the row as given, creating it if there is none. */
    void save(NotificationRow row);
}

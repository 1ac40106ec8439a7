package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.spi.NotificationRow;
import io.clientportal.messaging.spi.NotificationRows;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Notification rows of one tenant, in memory; units of work here never overlap, so a lock is the store's. */
final class MemoryNotifications implements NotificationRows {

    private final TenantData data;
    private final UndoLog undo;

    MemoryNotifications(TenantData data, UndoLog undo) {
        this.data = data;
        this.undo = undo;
    }

    @Override
    public void schedule(Actor recipient, Instant dueAt) {
        Objects.requireNonNull(dueAt, "dueAt must not be null");
        NotificationRow row = data.notifications.find(recipient).orElse(NotificationRow.empty(recipient));
        if (row.dueAt() == null) {
            data.notifications.put(undo, recipient, new NotificationRow(recipient, dueAt, row.lastSentAt(),
                    row.coveredUntil(), row.attempts(), row.leaseOwner(), row.leaseUntil(), row.preferences()));
        }
    }

    @Override
    public Optional<NotificationRow> find(Actor recipient) {
        return data.notifications.find(recipient);
    }

    @Override
    public Optional<NotificationRow> lock(Actor recipient) {
        return find(recipient);
    }

    @Override
    public void save(NotificationRow row) {
        data.notifications.put(undo, row.recipient(), row);
    }
}

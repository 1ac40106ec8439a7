package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.AnnouncementBacklog;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.WebhookDeliveryRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A {@link MessagingStore} in memory: for tests, demos and single-process tools. Units of work are serialised by
 * one lock (writes exclusive, reads shared) and roll back completely through an undo log, so it honours the same
 * contract as a database store. Data is lost when the process ends.
 */
public final class InMemoryMessagingStore implements MessagingStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, TenantData> tenants = new ConcurrentHashMap<>();
    private final List<EventRecord> events = new ArrayList<>();
    private long lastPosition;
    private final InMemoryWebhookDeliveries webhookDeliveries = new InMemoryWebhookDeliveries();

    public InMemoryMessagingStore() {
    }

    @Override
    public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        lock.writeLock().lock();
        UndoLog undo = new UndoLog();
        try {
            T result = work.apply(InMemoryTransaction.of(tenantId, tenant(tenantId), this, undo));
            undo.forget();
            return result;
        } catch (RuntimeException | Error e) {
            undo.rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        lock.readLock().lock();
        try {
            return work.apply(InMemoryTransaction.of(tenantId, tenant(tenantId), this, UndoLog.READ_ONLY));
        } finally {
            lock.readLock().unlock();
        }
    }

    private TenantData tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantData());
    }

    /** Appends to the log; called under the write lock. */
    long append(String tenantId, io.clientportal.messaging.spi.NewEvent event, UndoLog undo) {
        long position = ++lastPosition;
        events.add(new EventRecord(position, tenantId, event.type(), event.conversationId(), event.payload(),
                event.createdAt()));
        undo.push(() -> {
            events.remove(events.size() - 1);
            lastPosition--;
        });
        for (String endpoint : event.webhookEndpoints()) {
            String id = webhookDeliveries.queue(endpoint, position, tenantId, event.type(), event.payload(),
                    event.createdAt(), event.trace());
            undo.push(() -> webhookDeliveries.remove(id));
        }
        return position;
    }

    /** The events of one conversation of the given types that mention a string; called under a lock. */
    List<EventRecord> conversationEvents(String tenantId, ConversationId id, Set<String> types, String mention) {
        return events.stream().filter(e -> tenantId.equals(e.tenantId()) && id.equals(e.conversationId())
                && types.contains(e.type()) && e.payload().contains(mention)).toList();
    }

    /** Overwrites logged payloads and their webhook copies; called under the write lock. */
    void rewritePayloads(Map<Long, String> payloads, UndoLog undo) {
        payloads.forEach((position, payload) -> {
            int index = firstIndexAfter(position - 1);
            if (index < events.size() && events.get(index).position() == position) {
                EventRecord e = events.get(index);
                replace(index, new EventRecord(position, e.tenantId(), e.type(), e.conversationId(), payload,
                        e.createdAt()), undo);
                webhookDeliveries.rewritePayload(position, payload).forEach((id, old) ->
                        undo.push(() -> webhookDeliveries.restorePayload(id, old)));
            }
        });
    }

    /** Erases a conversation's events and drops their webhook deliveries; called under the write lock. */
    void erase(String tenantId, ConversationId id, String type, String payload, UndoLog undo) {
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            if (tenantId.equals(e.tenantId()) && id.equals(e.conversationId())) {
                replace(i, new EventRecord(e.position(), tenantId, type, null, payload, e.createdAt()), undo);
                for (WebhookDeliveryRecord removed : webhookDeliveries.removeOfEvent(e.position())) {
                    undo.push(() -> webhookDeliveries.restore(removed));
                }
            }
        }
    }

    private void replace(int index, EventRecord record, UndoLog undo) {
        EventRecord old = events.set(index, record);
        // Undone before anything appended after it is (newest first), so the index still holds it.
        undo.push(() -> events.set(index, old));
    }

    @Override
    public List<EventRecord> eventsAfter(long afterPosition, int limit) {
        lock.readLock().lock();
        try {
            int from = firstIndexAfter(afterPosition);
            int to = Math.min(events.size(), from + limit);
            return from >= to ? List.of() : List.copyOf(events.subList(from, to));
        } finally {
            lock.readLock().unlock();
        }
    }

    private int firstIndexAfter(long position) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).position() <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public long lastEventPosition() {
        lock.readLock().lock();
        try {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).position();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long firstEventPosition() {
        lock.readLock().lock();
        try {
            return events.isEmpty() ? 0 : events.get(0).position();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int pruneEvents(Instant before, int limit) {
        lock.writeLock().lock();
        try {
            int count = 0;
            while (count < limit && count < events.size() && events.get(count).createdAt().isBefore(before)) {
                count++;
            }
            events.subList(0, count).clear();
            return count;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public io.clientportal.messaging.spi.WebhookDeliveryStore webhookDeliveries() {
        return webhookDeliveries;
    }

    @Override
    public AnnouncementBacklog announcementBacklog() {
        lock.readLock().lock();
        try {
            List<Instant> unfinished = new ArrayList<>();
            tenants.values().forEach(data -> data.announcements.all().values().stream()
                    .filter(a -> !a.finished()).forEach(a -> unfinished.add(a.createdAt())));
            return new AnnouncementBacklog(unfinished.size(),
                    unfinished.stream().min(Comparator.naturalOrder()).orElse(null));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
        lock.readLock().lock();
        try {
            // Oldest first: the SPI's default claim takes them in this order (units here never wait on one another).
            record Unfinished(String tenantId, AnnouncementRow row) {
            }
            List<Unfinished> unfinished = new ArrayList<>();
            tenants.forEach((tenantId, data) -> data.announcements.all().values().stream()
                    .filter(a -> !a.finished()).forEach(a -> unfinished.add(new Unfinished(tenantId, a))));
            return unfinished.stream().sorted(Comparator.comparing(u -> u.row().createdAt())).limit(limit)
                    .map(u -> new PendingAnnouncement(u.tenantId(), u.row().id())).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<io.clientportal.messaging.spi.NotificationClaim> claimNotifications(String owner, Instant now,
                                                                                   Instant leaseUntil, int limit) {
        lock.writeLock().lock();
        try {
            record Due(String tenantId, io.clientportal.messaging.spi.NotificationRow row) {
            }
            List<Due> due = new ArrayList<>();
            tenants.forEach((tenantId, data) -> data.notifications.all().values().stream()
                    .filter(row -> row.dueAt() != null && !row.dueAt().isAfter(now)
                            && (row.leaseUntil() == null || !row.leaseUntil().isAfter(now)))
                    .forEach(row -> due.add(new Due(tenantId, row))));
            List<io.clientportal.messaging.spi.NotificationClaim> claimed = new ArrayList<>();
            due.stream().sorted(Comparator.comparing(d -> d.row().dueAt())).limit(limit).forEach(d -> {
                var row = d.row();
                tenants.get(d.tenantId()).notifications.put(UndoLog.NONE, row.recipient(),
                        new io.clientportal.messaging.spi.NotificationRow(row.recipient(), row.dueAt(),
                                row.lastSentAt(), row.coveredUntil(), row.attempts(), owner, leaseUntil,
                                row.preferences()));
                claimed.add(new io.clientportal.messaging.spi.NotificationClaim(d.tenantId(), row.recipient()));
            });
            return claimed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<io.clientportal.messaging.spi.ReminderClaim> claimReminders(String owner, Instant now,
                                                                           Instant leaseUntil, int limit) {
        lock.writeLock().lock();
        try {
            record Due(String tenantId, io.clientportal.messaging.spi.ReminderRow row) {
            }
            List<Due> due = new ArrayList<>();
            tenants.forEach((tenantId, data) -> data.reminders.all().values().stream()
                    .filter(row -> !row.dueAt().isAfter(now)
                            && (row.leaseUntil() == null || !row.leaseUntil().isAfter(now)))
                    .forEach(row -> due.add(new Due(tenantId, row))));
            List<io.clientportal.messaging.spi.ReminderClaim> claimed = new ArrayList<>();
            due.stream().sorted(Comparator.comparing(d -> d.row().dueAt())).limit(limit).forEach(d -> {
                var row = d.row();
                tenants.get(d.tenantId()).reminders.put(UndoLog.NONE, row.conversationId(),
                        new io.clientportal.messaging.spi.ReminderRow(row.conversationId(), row.messageId(),
                                row.authorId(), row.dueAt(), owner, leaseUntil));
                claimed.add(new io.clientportal.messaging.spi.ReminderClaim(d.tenantId(), row.conversationId()));
            });
            return claimed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<AttachmentRow> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
        lock.writeLock().lock();
        try {
            List<AttachmentRow> deleted = new ArrayList<>();
            for (TenantData data : tenants.values()) {
                for (AttachmentRow row : List.copyOf(data.attachments.all().values())) {
                    if (deleted.size() < limit && !row.isReferenced() && row.uploadedAt().isBefore(uploadedBefore)) {
                        data.attachments.remove(UndoLog.NONE, row.id());
                        deleted.add(row);
                    }
                }
            }
            return Collections.unmodifiableList(deleted);
        } finally {
            lock.writeLock().unlock();
        }
    }
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRecord;
import io.clientportal.messaging.spi.AttachmentRecord;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.model.Announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
            T result = work.apply(new InMemoryTransaction(tenantId, tenant(tenantId), this, undo));
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
            return work.apply(new InMemoryTransaction(tenantId, tenant(tenantId), this, UndoLog.READ_ONLY));
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
                    event.createdAt());
            undo.push(() -> webhookDeliveries.remove(id));
        }
        return position;
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
    public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
        lock.readLock().lock();
        try {
            List<PendingAnnouncement> pending = new ArrayList<>();
            tenants.forEach((tenantId, data) -> data.announcements.values().stream()
                    .filter(a -> a.status() == Announcement.Status.QUEUED || a.status() == Announcement.Status.SENDING)
                    .forEach(a -> pending.add(new PendingAnnouncement(tenantId, a.id()))));
            return pending.size() > limit ? pending.subList(0, limit) : pending;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<PendingAnnouncement> claimAnnouncements(String owner, Instant now, Instant leaseUntil, int limit) {
        lock.writeLock().lock();
        try {
            AnnouncementLease lease = new AnnouncementLease(owner, leaseUntil);
            record Candidate(String tenantId, AnnouncementRecord announcement) {
            }
            List<Candidate> free = new ArrayList<>();
            tenants.forEach((tenantId, data) -> data.announcements.values().stream()
                    .filter(a -> a.claimableAt(now))
                    .forEach(a -> free.add(new Candidate(tenantId, a))));
            free.sort(Comparator.comparing(c -> c.announcement().createdAt()));
            List<PendingAnnouncement> taken = new ArrayList<>();
            for (Candidate candidate : free.subList(0, Math.min(limit, free.size()))) {
                tenants.get(candidate.tenantId()).announcements.put(candidate.announcement().id(),
                        candidate.announcement().withLease(lease));
                taken.add(new PendingAnnouncement(candidate.tenantId(), candidate.announcement().id()));
            }
            return List.copyOf(taken);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<AttachmentRecord> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
        lock.writeLock().lock();
        try {
            List<AttachmentRecord> deleted = new ArrayList<>();
            for (TenantData data : tenants.values()) {
                Iterator<AttachmentRecord> it = data.attachments.values().iterator();
                while (it.hasNext() && deleted.size() < limit) {
                    AttachmentRecord record = it.next();
                    if (!record.isReferenced() && record.uploadedAt().isBefore(uploadedBefore)) {
                        it.remove();
                        deleted.add(record);
                    }
                }
            }
            return Collections.unmodifiableList(deleted);
        } finally {
            lock.writeLock().unlock();
        }
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AnnouncementChunk;
import io.clientportal.messaging.spi.AnnouncementRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers announcements in the background, one chunk of target conversations per unit of work. Progress (the
 * last target handled and the count) is stored with each chunk, and the store skips conversations that already
 * have the announcement's message, so delivery resumes after a crash, on any node, without duplicates.
 */
final class AnnouncementDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementDelivery.class);
    private static final int MAX_ATTEMPTS = 5;

    private final MessagingStore store;
    private final int chunkSize;
    private final ExecutorService executor;
    private Context context;
    private volatile boolean closed;

    AnnouncementDelivery(MessagingStore store, int chunkSize) {
        this.store = store;
        this.chunkSize = chunkSize;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "messaging-announcements");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(Context context) {
        this.context = context;
        for (PendingAnnouncement pending : store.unfinishedAnnouncements(10_000)) {
            schedule(pending.tenantId(), pending.id());
        }
    }

    void schedule(String tenantId, AnnouncementId id) {
        if (!closed) {
            executor.execute(() -> deliver(tenantId, id, 1));
        }
    }

    private void deliver(String tenantId, AnnouncementId id, int attempt) {
        try {
            while (!closed && deliverNextChunk(tenantId, id)) {
                // one chunk per unit of work, until none is left
            }
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                log.error("Announcement {} failed after {} attempts", id, attempt, e);
                markFailed(tenantId, id);
                return;
            }
            log.warn("Announcement {} delivery attempt {} failed; retrying", id, attempt, e);
            sleepBackoff(attempt);
            deliver(tenantId, id, attempt + 1);
        }
    }

    /** Delivers one chunk; returns whether more may follow. */
    private boolean deliverNextChunk(String tenantId, AnnouncementId id) {
        return context.uow.write(tenantId, tx -> {
            AnnouncementRecord record = tx.store().announcement(id).orElse(null);
            if (record == null || record.status() == Announcement.Status.DELIVERED
                    || record.status() == Announcement.Status.FAILED) {
                return false;
            }
            List<ConversationId> targets = tx.store().announcementTargets(id, record.cursor(), chunkSize);
            Instant now = context.now();
            if (targets.isEmpty()) {
                tx.store().updateAnnouncementProgress(record.withProgress(Announcement.Status.DELIVERED,
                        record.deliveredCount(), record.cursor()));
                tx.emit(new AnnouncementDelivered(null, tenantId, null, now, id, record.author().id(),
                        record.deliveredCount()));
                return false;
            }
            List<MessageId> messageIds = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                messageIds.add(new MessageId(context.ids.next()));
            }
            List<Message> delivered = tx.store().deliverAnnouncementChunk(
                    new AnnouncementChunk(record, targets, messageIds, now));
            for (Message message : delivered) {
                tx.emit(new MessagePosted(null, tenantId, message.conversationId(), now, message));
            }
            tx.store().updateAnnouncementProgress(record.withProgress(Announcement.Status.SENDING,
                    record.deliveredCount() + delivered.size(), targets.get(targets.size() - 1)));
            return true;
        });
    }

    private void markFailed(String tenantId, AnnouncementId id) {
        try {
            context.uow.write(tenantId, tx -> {
                tx.store().announcement(id).ifPresent(record -> tx.store().updateAnnouncementProgress(
                        record.withProgress(Announcement.Status.FAILED, record.deliveredCount(), record.cursor())));
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Could not mark announcement {} as failed", id, e);
        }
    }

    private static void sleepBackoff(int attempt) {
        try {
            Thread.sleep(Math.min(10_000L, 200L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

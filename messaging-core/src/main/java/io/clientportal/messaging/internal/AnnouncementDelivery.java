package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AnnouncementChunk;
import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import io.clientportal.messaging.spi.PendingAnnouncement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers announcements in the background, one chunk of target conversations per unit of work, on whichever node
 * holds the announcement's lease (stored in its row). The node that sends an announcement holds it first; a periodic
 * sweep on every node claims announcements that nobody holds (a node died, or stopped and released them) once their
 * lease ran out. Each chunk's unit locks the announcement's row and delivers only if this node still holds the lease,
 * renewing it: chunks of two nodes never interleave, progress is written from what the lock read, and only the
 * holder ends delivery (exactly one {@link AnnouncementDelivered}) or marks it failed. The store skips conversations
 * that already have the announcement's message, so a taken-over delivery writes no duplicates.
 */
final class AnnouncementDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementDelivery.class);
    /** Failed chunks in a row after which the holder gives the announcement up as failed. */
    private static final int MAX_ATTEMPTS = 5;
    /** How many announcements an idle node claims per sweep. */
    private static final int CLAIM = 4;

    /** What a chunk's unit of work found. */
    private enum Step { MORE, DONE, LOST }

    private record Key(String tenantId, AnnouncementId id) {
    }

    private final MessagingStore store;
    private final int chunkSize;
    private final Duration lease;
    private final Duration sweepInterval;
    /** This node's token in the leases it holds: unique per engine, so a restarted node is another owner. */
    private final String owner = UUID.randomUUID().toString();
    private final ExecutorService executor;
    private final ScheduledExecutorService sweeper;
    /** Announcements queued or being delivered here: each runs once at a time on this node. */
    private final Set<Key> scheduled = ConcurrentHashMap.newKeySet();
    private Context context;
    private volatile boolean closed;

    AnnouncementDelivery(MessagingStore store, int chunkSize, MessagingEngine.AnnouncementSettings settings) {
        this.store = store;
        this.chunkSize = chunkSize;
        this.lease = settings.lease();
        this.sweepInterval = settings.sweepInterval();
        this.executor = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "messaging-announcements"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable ->
                daemon(runnable, "messaging-announcement-sweep"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Starts the sweep: at once (what was left unfinished), then every sweep interval. */
    void start(Context context) {
        this.context = context;
        sweeper.scheduleWithFixedDelay(this::sweep, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The lease a unit of work that sends an announcement gives it: the sending node delivers it first. */
    AnnouncementLease newLease(Instant now) {
        return new AnnouncementLease(owner, now.plus(lease));
    }

    /** Delivers the announcement on this node, if this node holds (or may take) its lease when its turn comes. */
    void schedule(String tenantId, AnnouncementId id) {
        Key key = new Key(tenantId, id);
        if (closed || !scheduled.add(key)) {
            return;
        }
        try {
            executor.execute(() -> run(key));
        } catch (RejectedExecutionException e) {
            scheduled.remove(key);   // closing: whoever claims it next delivers it
        }
    }

    /** Claims what nobody holds, when this node is idle (a busy node leaves the rest to idle ones). */
    private void sweep() {
        if (closed || !scheduled.isEmpty()) {
            return;
        }
        try {
            Instant now = context.clock.instant();
            for (PendingAnnouncement pending : store.claimAnnouncements(owner, now, now.plus(lease), CLAIM)) {
                schedule(pending.tenantId(), pending.id());
            }
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Looking for announcements to deliver failed; will retry", e);
            }
        }
    }

    private void run(Key key) {
        try {
            deliver(key);
        } finally {
            if (!closed) {
                scheduled.remove(key);
            }   // else close() releases it
            if (scheduled.isEmpty() && !closed) {
                try {
                    sweeper.execute(this::sweep);   // idle again: take over what waits, without waiting a sweep
                } catch (RejectedExecutionException ignored) {
                    // closing
                }
            }
        }
    }

    private void deliver(Key key) {
        int failures = 0;
        while (!closed) {
            Step step;
            try {
                step = deliverNextChunk(key);
                failures = 0;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                failures++;
                if (failures >= MAX_ATTEMPTS) {
                    log.error("Announcement {} failed after {} attempts", key.id(), failures, e);
                    markFailed(key);
                    return;
                }
                log.warn("Announcement {} delivery attempt {} failed; retrying", key.id(), failures, e);
                if (!sleepBackoff(failures)) {
                    return;
                }
                continue;
            }
            if (step == Step.LOST) {
                log.debug("Announcement {} is delivered by another node", key.id());
            }
            if (step != Step.MORE) {
                return;
            }
        }
    }

    /** Delivers one chunk, observed, if this node holds the lease; renews it. */
    private Step deliverNextChunk(Key key) {
        OngoingObservation observation = context.instrumentation.start(ObservedOperation.Kind.ANNOUNCEMENT_CHUNK,
                key.tenantId(), Map.of(), null);
        try {
            Step step = writeNextChunk(key);
            observation.tag(ObservedOperation.OUTCOME, switch (step) {
                case MORE -> "delivered";
                case DONE -> "finished";
                case LOST -> "lost";
            });
            return step;
        } catch (RuntimeException e) {
            Instrumentation.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private Step writeNextChunk(Key key) {
        return context.transactions.write(key.tenantId(), tx -> {
            AnnouncementRow record = tx.store().announcements().lock(key.id()).orElse(null);
            if (record == null || record.finished()) {
                return Step.DONE;
            }
            if (!holds(record)) {
                return Step.LOST;
            }
            Instant now = context.now();
            List<ConversationId> targets = tx.store().announcements().targets(key.id(), record.cursor(), chunkSize);
            if (targets.isEmpty()) {
                tx.store().announcements().update(record.withProgress(Announcement.Status.DELIVERED,
                        record.deliveredCount(), record.cursor()).withLease(null));
                tx.emit(new AnnouncementDelivered(null, key.tenantId(), null, now, key.id(), record.author().id(),
                        record.deliveredCount()));
                return Step.DONE;
            }
            List<MessageId> messageIds = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                messageIds.add(new MessageId(context.ids.next()));
            }
            List<AttachmentRow> attachments = tx.store().attachments().ofAnnouncement(key.id());
            MessageRow copied = messageOf(record, targets.get(0), messageIds.get(0), now);
            List<MessageRow> delivered = tx.store().announcements().deliver(
                    new AnnouncementChunk(copied, targets, messageIds, now));
            // The author's copies are theirs: never unread for them, though their horizon stays where it was.
            tx.store().readState().countOwn(record.author(), delivered.stream().map(MessageRow::conversationId)
                    .toList(), Unread.keepsTotal(record.author()));
            context.notifications.announced(tx.store(), delivered);
            for (MessageRow row : delivered) {
                Message message = Records.message(row.withAttachments(attachments));
                tx.emit(new MessagePosted(null, key.tenantId(), message.conversationId(), now, message,
                        row.clientSeq()));
            }
            // Under the row lock: the count read with it plus the messages this unit actually inserted.
            tx.store().announcements().update(record.withProgress(Announcement.Status.SENDING,
                    record.deliveredCount() + delivered.size(), targets.get(targets.size() - 1))
                    .withLease(newLease(now)));
            return Step.MORE;
        });
    }

    /**
     * The message an announcement leaves in each conversation, as the store copies it: the author, text and
     * highlight of the announcement; id, conversation, seq and time are the copy's own.
     */
    private static MessageRow messageOf(AnnouncementRow record, ConversationId conversationId, MessageId id,
                                        Instant at) {
        return new MessageRow(id, conversationId, 0, record.author(), record.authorName(), record.text(), List.of(),
                record.highlighted(), record.id(), null, at, null, null);
    }

    /**
     * Whether this node holds the lease. A lease of this node that ran out still counts while nobody took it over:
     * taking over changes the owner under the same row lock, so an unchanged owner means nobody else delivered.
     */
    private boolean holds(AnnouncementRow record) {
        return record.lease() != null && record.lease().heldBy(owner);
    }

    /** Gives the announcement up as failed, if this node still holds it (another node may be delivering it fine). */
    private void markFailed(Key key) {
        try {
            context.transactions.write(key.tenantId(), tx -> {
                tx.store().announcements().lock(key.id()).filter(record -> !record.finished() && holds(record))
                        .ifPresent(record -> tx.store().announcements().update(record.withProgress(
                                Announcement.Status.FAILED, record.deliveredCount(), record.cursor())
                                .withLease(null)));
                return null;
            });
        } catch (RuntimeException e) {
            // Still unfinished and leased: taken over (here or elsewhere) once the lease runs out.
            log.error("Could not mark announcement {} as failed", key.id(), e);
        }
    }

    /** Lets go of an announcement this node holds, so that another node takes it over at its next sweep. */
    private void release(Key key) {
        try {
            context.transactions.write(key.tenantId(), tx -> {
                tx.store().announcements().lock(key.id()).filter(record -> !record.finished() && holds(record))
                        .ifPresent(record -> tx.store().announcements().update(record.withLease(null)));
                return null;
            });
        } catch (RuntimeException e) {
            log.debug("Could not release announcement {}; its lease runs out instead: {}", key.id(), e.toString());
        }
    }

    /** Waits before a retry; false if interrupted (closing). */
    private static boolean sleepBackoff(int attempt) {
        try {
            Thread.sleep(Math.min(10_000L, 200L << attempt));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops delivering and releases what this node held, so other nodes continue at once rather than after the
     * lease.
     */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Announcement delivery did not stop within 10 s; its leases run out instead");
                return;
            }
            sweeper.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (context != null) {
            List.copyOf(scheduled).forEach(this::release);
        }
    }
}

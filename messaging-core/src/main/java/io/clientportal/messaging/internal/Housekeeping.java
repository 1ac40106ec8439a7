package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.MessagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Periodic clean-up: expires unreferenced uploads and prunes events past the retention, in batches. */
final class Housekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final int BATCH = 1_000;

    private final MessagingStore store;
    private final Context context;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;

    Housekeeping(MessagingStore store, Context context, Duration interval) {
        this.store = store;
        this.context = context;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "messaging-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Messaging housekeeping failed; will retry", e);
        }
    }

    /** One pass: expired uploads first (their bytes after their rows), then old events. */
    void runOnce() {
        Instant now = context.clock.instant();
        Instant uploadedBefore = now.minus(context.limits.unreferencedAttachmentTtl());
        List<AttachmentRow> expired;
        do {
            expired = store.deleteUnreferencedAttachments(uploadedBefore, BATCH);
            context.attachmentBytes.deleteQuietly(expired);
        } while (expired.size() == BATCH);
        Instant eventsBefore = now.minus(context.limits.eventRetention());
        int pruned;
        do {
            pruned = store.pruneEvents(eventsBefore, BATCH);
        } while (pruned == BATCH);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

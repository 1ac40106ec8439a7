package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.AttachmentRecord;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.WebhookDeliveryStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A store that can hold the next unit of work of a chosen thread open after its work (its events appended, so its
 * positions taken) and before its commit: a slow commit, on demand.
 */
final class HoldingStore implements MessagingStore {

    private final MessagingStore delegate;
    private final ThreadLocal<CountDownLatch[]> hold = new ThreadLocal<>();

    HoldingStore(MessagingStore delegate) {
        this.delegate = delegate;
    }

    /** The calling thread's next unit of work signals {@code appended}, then waits for {@code release}. */
    void holdNextCommit(CountDownLatch appended, CountDownLatch release) {
        hold.set(new CountDownLatch[]{appended, release});
    }

    @Override
    public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
        CountDownLatch[] latches = hold.get();
        hold.remove();
        return delegate.inTransaction(tenantId, tx -> {
            T result = work.apply(tx);
            if (latches != null) {
                latches[0].countDown();
                try {
                    latches[1].await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result;
        });
    }

    @Override
    public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
        return delegate.read(tenantId, work);
    }

    @Override
    public List<EventRecord> eventsAfter(long afterPosition, int limit) {
        return delegate.eventsAfter(afterPosition, limit);
    }

    @Override
    public List<EventRecord> eventsAt(Collection<Long> positions) {
        return delegate.eventsAt(positions);
    }

    @Override
    public long lastEventPosition() {
        return delegate.lastEventPosition();
    }

    @Override
    public long firstEventPosition() {
        return delegate.firstEventPosition();
    }

    @Override
    public int pruneEvents(Instant before, int limit) {
        return delegate.pruneEvents(before, limit);
    }

    @Override
    public List<PendingAnnouncement> unfinishedAnnouncements(int limit) {
        return delegate.unfinishedAnnouncements(limit);
    }

    @Override
    public List<AttachmentRecord> deleteUnreferencedAttachments(Instant uploadedBefore, int limit) {
        return delegate.deleteUnreferencedAttachments(uploadedBefore, limit);
    }

    @Override
    public void signalEventsCommitted() {
        delegate.signalEventsCommitted();
    }

    @Override
    public AutoCloseable listenForCommittedEvents(Runnable listener) {
        return delegate.listenForCommittedEvents(listener);
    }

    @Override
    public WebhookDeliveryStore webhookDeliveries() {
        return delegate.webhookDeliveries();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

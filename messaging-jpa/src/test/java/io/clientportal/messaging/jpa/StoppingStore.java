package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A node's store that stops in the middle of an announcement's delivery, after a given number of chunks: it either
 * dies (from then on every call fails, as for a node cut off from the database or killed) or pauses (the next chunk
 * waits until the node is closed, which interrupts it: a node shut down mid-delivery).
 */
final class StoppingStore extends ForwardingMessagingStore {

    enum Mode { DIE, PAUSE }

    private final Mode mode;
    private final int chunks;
    private final AtomicInteger delivered = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean dead;

    StoppingStore(MessagingStore delegate, Mode mode, int chunks) {
        super(delegate);
        this.mode = mode;
        this.chunks = chunks;
    }

    /** Counted down when the node stopped (died, or paused in a chunk). */
    CountDownLatch stopped() {
        return stopped;
    }

    @Override
    public <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work) {
        failIfDead();
        return delegate.inTransaction(tenantId, tx -> work.apply(stopping(tx)));
    }

    @Override
    public <T> T read(String tenantId, Function<StoreTransaction, T> work) {
        failIfDead();
        return delegate.read(tenantId, work);
    }

    @Override
    public List<EventRecord> eventsAfter(long afterPosition, int limit) {
        return dead ? List.of() : delegate.eventsAfter(afterPosition, limit);
    }

    @Override
    public List<PendingAnnouncement> claimAnnouncements(String owner, Instant now, Instant leaseUntil, int limit) {
        failIfDead();
        return delegate.claimAnnouncements(owner, now, leaseUntil, limit);
    }

    private void failIfDead() {
        if (dead) {
            throw new IllegalStateException("this node is dead");
        }
    }

    private StoreTransaction stopping(StoreTransaction tx) {
        return WatchedTransaction.watch(tx, (call, args) -> {
            if (call.equals("announcements.deliver") && delivered.incrementAndGet() > chunks) {
                stop();
            }
        });
    }

    private void stop() throws InterruptedException {
        if (mode == Mode.DIE) {
            dead = true;
            stopped.countDown();
            throw new IllegalStateException("this node died");
        }
        stopped.countDown();
        new CountDownLatch(1).await();   // until closing the node interrupts it
    }
}

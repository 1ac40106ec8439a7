package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A store that can hold the next unit of work of a chosen thread open after its work (its events appended, so its
 * positions taken) and before its commit: a slow commit, on demand.
 */
final class HoldingStore extends ForwardingMessagingStore {

    private final ThreadLocal<CountDownLatch[]> hold = new ThreadLocal<>();

    HoldingStore(MessagingStore delegate) {
        super(delegate);
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
}

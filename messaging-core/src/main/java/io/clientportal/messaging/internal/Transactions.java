package io.clientportal.messaging.internal;

import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.NewEvent;
import io.clientportal.messaging.spi.TraceHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the services' work in the store's units of work: appends the events a unit emitted before it commits, then
 * (only after the transaction it belongs to committed, which may be a host's that commits later) invalidates this
 * node's caches, wakes the relay and runs after-commit actions; after a rollback none of it runs.
 */
final class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final MessagingStore store;
    private final EventCodec codec;
    private final AccessCache cache;
    private final Runnable eventsCommitted;
    private final Function<String, List<String>> webhookEndpoints;
    private final Instrumentation instrumentation;

    /**
     * @param eventsCommitted  run after a unit that appended events committed (wakes the relays and the webhook
     *                         dispatcher)
     * @param webhookEndpoints the endpoints that get an event type, in the order configured
     * @param instrumentation  gives the trace context kept with webhook deliveries
     */
    Transactions(MessagingStore store, EventCodec codec, AccessCache cache, Runnable eventsCommitted,
               Function<String, List<String>> webhookEndpoints, Instrumentation instrumentation) {
        this.store = store;
        this.codec = codec;
        this.cache = cache;
        this.eventsCommitted = eventsCommitted;
        this.webhookEndpoints = webhookEndpoints;
        this.instrumentation = instrumentation;
    }

    /**
     * Runs a writing unit of work. A unit that lost a race to insert the same directory entry (two nodes syncing
     * the same user at once) runs once more: it then sees the row and updates it, as an upsert should.
     */
    <T> T write(String tenantId, Function<Transaction, T> work) {
        try {
            return writeOnce(tenantId, work);
        } catch (DuplicateKeyException e) {
            if (e.key() != DuplicateKeyException.Key.DIRECTORY_ENTRY) {
                throw e;
            }
            return writeOnce(tenantId, work);
        }
    }

    private <T> T writeOnce(String tenantId, Function<Transaction, T> work) {
        List<Transaction> committed = new ArrayList<>(1);
        T result = guard(() -> store.inTransaction(tenantId, storeTx -> {
            Transaction tx = new Transaction(storeTx);
            T value = work.apply(tx);
            if (!tx.events().isEmpty()) {
                List<NewEvent> encoded = new ArrayList<>(tx.events().size());
                TraceHeaders trace = null;
                boolean traced = false;
                for (NewEvent plain : codec.encodeAll(tx.events())) {
                    List<String> endpoints = webhookEndpoints.apply(plain.type());
                    if (!endpoints.isEmpty() && !traced) {
                        // Once per unit, and only when a webhook will carry it: the thread's context is the write's.
                        trace = instrumentation.currentTrace();
                        traced = true;
                    }
                    encoded.add(endpoints.isEmpty() ? plain : new NewEvent(plain.type(), plain.conversationId(),
                            plain.payload(), plain.createdAt(), endpoints, trace));
                }
                storeTx.events().append(encoded);
            }
            committed.add(tx);
            return value;
        }));
        // inTransaction returned: the unit committed, or it joined a caller's transaction that has yet to end.
        Transaction tx = committed.get(committed.size() - 1);
        // Forgotten at once, so the caller's next reads in a joined transaction see its own change, and again at
        // the end, whichever way it ends: reads in a joined transaction may have cached what it had not committed.
        invalidate(tx);
        store.afterTransaction(() -> afterCommit(tx), () -> afterRollback(tx));
        return result;
    }

    /** What a joined transaction's later rollback leaves to undo: cached facts it may have loaded, and more. */
    private void afterRollback(Transaction tx) {
        invalidate(tx);
        for (Runnable action : tx.afterRollbackActions()) {
            quietly(action, "After-rollback action");
        }
    }

    /** Everything a unit defers to its commit: each part runs even if another fails, and none throws. */
    private void afterCommit(Transaction tx) {
        invalidate(tx);
        if (!tx.events().isEmpty()) {
            quietly(eventsCommitted, "Waking the relays");
        }
        for (Runnable action : tx.afterCommitActions()) {
            quietly(action, "After-commit action");
        }
    }

    private void invalidate(Transaction tx) {
        for (MessagingEvent event : tx.events()) {
            quietly(() -> cache.invalidate(event), "Invalidating the cache");
        }
    }

    private static void quietly(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("{} failed", what, e);
        }
    }

    /** Runs a reading unit of work. */
    <T> T read(String tenantId, Function<Transaction, T> work) {
        return guard(() -> store.read(tenantId, storeTx -> work.apply(new Transaction(storeTx))));
    }

    private static <T> T guard(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (MessagingException | DuplicateKeyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MessagingStoreException("the messaging store failed: " + e.getMessage(), e);
        }
    }
}

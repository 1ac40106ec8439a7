package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.ArrayList;
import java.util.List;

/**
 * A store transaction as the services see it: the store's {@code StoreTransaction}, plus the events to append
 * before it commits and the actions to run after it ends. (One idea, one name: {@link Transactions} runs them.)
 */
final class Transaction {

    private final StoreTransaction store;
    private final List<MessagingEvent> events = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();

    Transaction(StoreTransaction store) {
        this.store = store;
    }

    StoreTransaction store() {
        return store;
    }

    String tenantId() {
        return store.tenantId();
    }

    /** Records an event; it is appended to the log in this unit of work (its id is the position it gets). */
    void emit(MessagingEvent event) {
        events.add(event);
    }

    /**
     * Runs {@code action} once the transaction this unit of work belongs to has committed (a host's transaction it
     * joined commits after the unit returns), never if it rolls back.
     */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /**
     * Runs {@code action} if the transaction this unit of work joined rolls back after the unit returned (a host's
     * that fails later). A unit that throws runs none of these: its caller sees the exception and cleans up.
     */
    void afterRollback(Runnable action) {
        afterRollback.add(action);
    }

    List<MessagingEvent> events() {
        return events;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    List<Runnable> afterRollbackActions() {
        return afterRollback;
    }
}

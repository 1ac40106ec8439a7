package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.resource.transaction.spi.TransactionStatus;

import java.sql.Savepoint;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs in the host's active transaction when there is one (inside a savepoint), else in one of its own. */
final class HostJoiningTransactionRunner implements JpaTransactionRunner {

    private final JpaTransactionRunner own;
    private final Supplier<EntityManager> current;

    HostJoiningTransactionRunner(JpaTransactionRunner own, Supplier<EntityManager> current) {
        this.own = own;
        this.current = current;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager host = current.get();
        if (host == null || !host.isOpen() || !host.isJoinedToTransaction()) {
            return own.inTransaction(work);
        }
        Session session = host.unwrap(Session.class);
        session.flush();
        // A savepoint undoes a failed unit alone: on PostgreSQL a failed statement would otherwise doom the
        // host's whole transaction, and the core retries duplicate keys in a new unit of work.
        Savepoint savepoint = session.doReturningWork(connection -> connection.setSavepoint());
        try {
            T result = work.apply(host);
            session.flush();
            session.doWork(connection -> connection.releaseSavepoint(savepoint));
            return result;
        } catch (RuntimeException | Error e) {
            try {
                session.doWork(connection -> connection.rollback(savepoint));
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /**
     * In the host's active transaction when there is one (it may have written what the read must see), else as the
     * own runner reads.
     */
    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        EntityManager host = current.get();
        if (host == null || !host.isOpen() || !host.isJoinedToTransaction()) {
            return own.readOnly(work);
        }
        return inTransaction(work);
    }

    /** Outside the host's transaction: then a read is the own runner's. */
    @Override
    public boolean readsOwnUnitNow() {
        EntityManager host = current.get();
        return (host == null || !host.isOpen() || !host.isJoinedToTransaction()) && own.readsOwnUnitNow();
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCompletion(action, () -> {
        });
    }

    /** With the host's transaction when there is one (the units ran in it), else at once (they committed). */
    @Override
    public void afterCompletion(Runnable committed, Runnable rolledBack) {
        EntityManager host = current.get();
        if (host == null || !host.isOpen() || !host.isJoinedToTransaction()) {
            own.afterCompletion(committed, rolledBack);
            return;
        }
        host.unwrap(Session.class).getTransaction().runAfterCompletion(status -> {
            if (status == TransactionStatus.COMMITTED) {
                committed.run();
            } else {
                rolledBack.run();
            }
        });
    }
}

package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fresh entity manager per unit of work: in a resource-local transaction for writes, and for reads in one only
 * where a transaction would give their statements something that autocommit does not.
 */
final class ResourceLocalTransactionRunner implements JpaTransactionRunner {

    private final EntityManagerFactory emf;
    /** Whether the database's isolation is READ COMMITTED or weaker; {@code null} until a read has asked. */
    private volatile Boolean readCommitted;

    ResourceLocalTransactionRunner(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return inTransaction(em, work);
        } finally {
            em.close();
        }
    }

    /**
     * Reads without a transaction where one would add nothing but its cost: at READ COMMITTED (the default of H2
     * and PostgreSQL) each statement sees what had committed when it began, inside a transaction or not, so a unit
     * of reads in autocommit reads exactly what it would read in one, without BEGIN and COMMIT (on PostgreSQL the
     * COMMIT is a round trip of its own; on H2 the commit's work is a tenth of a history page's). Under a stricter
     * isolation, whose snapshot a transaction's statements share, and on connections that are not in autocommit,
     * the unit runs in a transaction as writes do.
     */
    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            // No snapshots for dirty checking and no flushes: nothing is written.
            em.unwrap(Session.class).setDefaultReadOnly(true);
            em.setFlushMode(FlushModeType.COMMIT);
            if (em.unwrap(Session.class).doReturningWork(this::readsInAutocommit)) {
                return work.apply(em);
            }
            return inTransaction(em, work);
        } finally {
            em.close();
        }
    }

    /**
     * Runs read-only work on a bare connection of {@code connections} where {@link #readOnly} would read in
     * autocommit: no session is opened for it unless the work asks for an entity manager, which is then a session on
     * that same connection (one connection per unit, as before: a unit holding one and waiting for a second could
     * exhaust the pool). A history page opened and closed a session for nothing but the connection's loan, an
     * eighth of the page's time on H2. Where a read needs a transaction (the connection is not in autocommit, or the
     * isolation is stricter), {@code otherwise} runs instead: the store's runner's own read.
     */
    <T> T readOnBareConnection(PostgresCommitSignals.Connections connections, BareRead<T> work,
                               Supplier<T> otherwise) {
        Connection connection;
        try {
            connection = connections.get();
        } catch (SQLException e) {
            throw StoreErrors.translate(e);
        }
        try {
            if (readsInAutocommit(connection)) {
                try (SessionOnConnection session = new SessionOnConnection(emf, connection)) {
                    return work.run(connection, session);
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e);
        } finally {
            release(connections, connection);
        }
        return otherwise.get();
    }

    private static void release(PostgresCommitSignals.Connections connections, Connection connection) {
        try {
            connections.release(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(e);
        }
    }

    /** Read-only work on a bare connection in autocommit, with an entity manager on it only if it asks for one. */
    @FunctionalInterface
    interface BareRead<T> {
        T run(Connection connection, Supplier<EntityManager> entityManager) throws SQLException;
    }

    /** A read-only session on a given connection, opened at the first {@link #get} and closed with this. */
    private static final class SessionOnConnection implements Supplier<EntityManager>, AutoCloseable {

        private final EntityManagerFactory emf;
        private final Connection connection;
        private Session session;

        SessionOnConnection(EntityManagerFactory emf, Connection connection) {
            this.emf = emf;
            this.connection = connection;
        }

        @Override
        public EntityManager get() {
            if (session == null) {
                // Hibernate neither closes nor commits a connection it is given: the loan stays the caller's.
                session = emf.unwrap(SessionFactory.class).withOptions().connection(connection).openSession();
                session.setDefaultReadOnly(true);
                session.setFlushMode(FlushModeType.COMMIT);
            }
            return session;
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    /** Always: this runner joins no one's transaction. */
    @Override
    public boolean readsOwnUnitNow() {
        return true;
    }

    private boolean readsInAutocommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            return false;
        }
        Boolean known = readCommitted;
        if (known == null) {
            // Asked once: on PostgreSQL the question is a round trip, and a pool's connections share the setting.
            known = connection.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED;
            readCommitted = known;
        }
        return known;
    }

    private static <T> T inTransaction(EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(tx, e);
            throw e;
        }
    }

    private static void rollbackQuietly(EntityTransaction tx, Throwable failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}

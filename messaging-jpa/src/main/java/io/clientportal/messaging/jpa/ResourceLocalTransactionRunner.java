package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import org.hibernate.Session;

import java.util.function.Function;

/** A fresh entity manager and resource-local transaction per unit of work. */
final class ResourceLocalTransactionRunner implements JpaTransactionRunner {

    private final EntityManagerFactory emf;

    ResourceLocalTransactionRunner(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return run(work, false);
    }

    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        return run(work, true);
    }

    private <T> T run(Function<EntityManager, T> work, boolean readOnly) {
        EntityManager em = emf.createEntityManager();
        try {
            if (readOnly) {
                // No snapshots for dirty checking and no flushes: nothing is written.
                em.unwrap(Session.class).setDefaultReadOnly(true);
                em.setFlushMode(FlushModeType.COMMIT);
            }
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
        } finally {
            em.close();
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

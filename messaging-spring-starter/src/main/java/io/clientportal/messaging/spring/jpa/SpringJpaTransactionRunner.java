package io.clientportal.messaging.spring.jpa;

import io.clientportal.messaging.jpa.JpaTransactionRunner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Function;

/**
 * Runs the JPA store's units of work in the application's Spring transactions: inside a transaction the caller
 * already has (a {@code @Transactional} service that posts a message), the unit joins it within a savepoint, so the
 * caller's commit or rollback decides for both; otherwise the unit gets a transaction of its own from the
 * application's transaction manager, on the transaction-bound entity manager.
 */
public final class SpringJpaTransactionRunner implements JpaTransactionRunner {

    private final EntityManagerFactory emf;
    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final JpaTransactionRunner joining;

    public SpringJpaTransactionRunner(EntityManagerFactory emf, PlatformTransactionManager transactionManager) {
        this.emf = emf;
        this.writes = new TransactionTemplate(transactionManager);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads.setReadOnly(true);
        this.joining = JpaTransactionRunner.joiningHost(emf, this::callersEntityManager);
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return run(work, writes);
    }

    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        return run(work, reads);
    }

    /**
     * Outside a caller's transaction (the test of {@link #run}): a read then needs nothing of Spring's, and the store
     * reads on a connection of its own at READ COMMITTED in autocommit, without a read-only transaction's BEGIN
     * and COMMIT (on PostgreSQL a round trip) or a session opened for the connection alone.
     */
    @Override
    public boolean readsOwnUnitNow() {
        EntityManager caller = callersEntityManager();
        return caller == null || !caller.isJoinedToTransaction();
    }

    /** After the caller's Spring transaction commits, when the units joined one; else at once. */
    @Override
    public void afterCommit(Runnable action) {
        afterCompletion(action, () -> {
        });
    }

    /**
     * At the end of the caller's Spring transaction when the units joined one (the same test as {@link #run}), else
     * at once: a unit in a transaction of its own has committed when it returns.
     */
    @Override
    public void afterCompletion(Runnable committed, Runnable rolledBack) {
        EntityManager caller = callersEntityManager();
        if (caller == null || !caller.isJoinedToTransaction()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_COMMITTED) {
                            committed.run();
                        } else {
                            rolledBack.run();
                        }
                    }
                });
    }

    private <T> T run(Function<EntityManager, T> work, TransactionTemplate own) {
        EntityManager caller = callersEntityManager();
        if (caller != null && caller.isJoinedToTransaction()) {
            return joining.inTransaction(work);
        }
        return own.execute(status -> {
            EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
            T result = work.apply(em);
            if (!status.isReadOnly()) {
                // Constraint violations surface here, inside the unit, where the store translates them.
                em.flush();
            }
            return result;
        });
    }

    private EntityManager callersEntityManager() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
    }
}

package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the store gets an {@link EntityManager} in a transaction for one unit of work. The default
 * ({@link #resourceLocal}) opens its own; an integration (the Spring starter, a host's own transaction handling)
 * plugs in one that joins the caller's transaction, so that a host's own writes and the messages it posts
 * commit together or not at all.
 */
@FunctionalInterface
public interface JpaTransactionRunner {

    /**
     * Runs {@code work} with an entity manager in a transaction: everything it writes commits when it returns (or
     * with the transaction it joined) and rolls back when it throws; the exception is rethrown.
     *
     * @param work the work, never {@code null}
     * @return what {@code work} returned
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs {@code action} once the calling thread's current transaction has committed, or at once when it runs in
     * none (the default: units of work of {@link #resourceLocal} have committed when they return). Integrations
     * that join a host's transaction defer it to the host's commit (and drop it on rollback).
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /**
     * Runs {@code committed} once the calling thread's current transaction has committed, or {@code rolledBack}
     * once it rolled back; {@code committed} at once when it runs in none. The default is {@link #afterCommit}
     * (then {@code rolledBack} never runs); runners that join a host's transaction override it.
     */
    default void afterCompletion(Runnable committed, Runnable rolledBack) {
        afterCommit(committed);
    }

    /** Runs read-only {@code work}; by default a full transaction. */
    default <T> T readOnly(Function<EntityManager, T> work) {
        return inTransaction(work);
    }

    /**
     * Whether a read-only unit of work, called now on this thread, may run on a connection of the persistence
     * unit's own, outside any transaction, as the store's own units read at READ COMMITTED (statements in autocommit,
     * no session unless the unit reads entities): true when there is no caller's transaction the read would have to
     * join to see the caller's writes. The default, {@code false}, always reads through {@link #readOnly}.
     */
    default boolean readsOwnUnitNow() {
        return false;
    }

    /**
     * Each unit of work opens an entity manager of {@code emf}, begins a resource-local transaction, commits it
     * (or rolls it back) and closes the entity manager.
     */
    static JpaTransactionRunner resourceLocal(EntityManagerFactory emf) {
        return new ResourceLocalTransactionRunner(Objects.requireNonNull(emf, "emf must not be null"));
    }

    /**
     * Joins the host's transaction when there is one: {@code current} answers the host's entity manager of the
     * calling thread (or {@code null}); when its transaction is active, the unit of work runs in it, inside a
     * savepoint, so a failed unit is undone without ending the host's transaction and the host's commit or
     * rollback decides for both. Without one, a unit opens its own transaction like {@link #resourceLocal}.
     *
     * @param emf     the persistence unit (the host's, including the store's entities)
     * @param current the calling thread's host entity manager, or {@code null} when there is none
     */
    static JpaTransactionRunner joiningHost(EntityManagerFactory emf, Supplier<EntityManager> current) {
        return new HostJoiningTransactionRunner(resourceLocal(emf),
                Objects.requireNonNull(current, "current must not be null"));
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.SavedReplyId;

import java.util.List;
import java.util.Optional;

/**
 * The saved replies of the unit of work's tenant. The core validates, authorises, orders and caps them; a store
 * keeps the rows and two keys: the id, and the shortcut, unique per tenant. Arguments are never {@code null};
 * returned lists are never {@code null}.
 */
public interface SavedReplyRows {

    /**
     * Inserts a reply.
     *
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#SAVED_REPLY_SHORTCUT} when another reply of
     *                               the tenant has its shortcut
     */
    void insert(SavedReplyRow reply);

    /** The reply, or empty. */
    Optional<SavedReplyRow> find(SavedReplyId id);

    /** The reply with this shortcut, or empty. */
    Optional<SavedReplyRow> byShortcut(String shortcut);

    /**
     * Replaces the reply with the row of the same id, if the stored one is at {@code expectedVersion}; a check and
     * a write in one step (the core has read the row before, but another unit may have changed it since).
     *
     * @return whether it was replaced (false: missing, or at another version)
     * @throws DuplicateKeyException with {@link DuplicateKeyException.Key#SAVED_REPLY_SHORTCUT} when another reply of
     *                               the tenant has the new shortcut
     */
    boolean update(SavedReplyRow reply, long expectedVersion);

    /** Deletes the reply; returns whether there was one. */
    boolean delete(SavedReplyId id);

    /** Every reply of the tenant, in any order (the core sorts them; a tenant has a bounded number). */
    List<SavedReplyRow> all();

    /** How many replies the tenant has. */
    int count();
}

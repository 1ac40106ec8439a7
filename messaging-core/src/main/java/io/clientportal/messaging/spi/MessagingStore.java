package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Where messaging data lives. A store only stores: every rule (authorisation, seq, read horizons, idempotency,
 * announcement chunking) is enforced once, by the core, through this interface.
 *
 * <p>Implementations must be thread-safe. Work runs in units of work ({@link #inTransaction}): all of a unit's
 * writes, including the events it appends, commit together or not at all.
 */
public interface MessagingStore extends AutoCloseable {

    /**
     * Runs {@code work} in one unit of work over one tenant's data. Commits when {@code work} returns, rolls back
     * when it throws (and rethrows). When the caller already runs in a unit of work the store can join (a host's
     * transaction), the store may join it.
     *
     * @param tenantId the tenant every call of the transaction is scoped to, never {@code null}
     * @param work     the work; never {@code null}
     * @return what {@code work} returned
     * @throws io.clientportal.messaging.MessagingStoreException when the store fails; nothing was written
     */
    <T> T inTransaction(String tenantId, Function<StoreTransaction, T> work);

    /**
     * Runs read-only {@code work}. Stores may use a lighter unit of work; the default runs a full transaction.
     */
    default <T> T read(String tenantId, Function<StoreTransaction, T> work) {
        return inTransaction(tenantId, work);
    }

    /**
     * Committed events of every tenant with a position greater than {@code afterPosition}, ascending by position.
     *
     * @param limit the most to return, positive
     */
    List<EventRecord> eventsAfter(long afterPosition, int limit);

    /** The highest position of a committed event, or 0 if the log is empty. */
    long lastEventPosition();

    /**
     * The lowest position still in the log, or 0 if the log is empty. Events below it were pruned, so a subscriber
     * resuming from before it must reload.
     */
    long firstEventPosition();

    /** Deletes up to {@code limit} events created before {@code before}, oldest first; returns how many. */
    int pruneEvents(Instant before, int limit);

    /** Announcements of every tenant whose delivery has not finished (queued or sending). */
    List<PendingAnnouncement> unfinishedAnnouncements(int limit);

    /**
     * Deletes up to {@code limit} attachments of every tenant that nothing references and that were uploaded
     * before {@code uploadedBefore}; returns them, so the core can delete their bytes.
     */
    List<AttachmentRecord> deleteUnreferencedAttachments(Instant uploadedBefore, int limit);

    /** Releases the store's resources. The default does nothing. */
    @Override
    default void close() {
    }
}

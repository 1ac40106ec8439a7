package io.clientportal.messaging.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
     * <p>Positions are unique and increase in the order events are appended, but they need not commit in that
     * order, and a position whose unit of work rolled back never appears: a call may return position {@code p + 2}
     * while {@code p + 1} is still uncommitted, and a later call may then return {@code p + 1}. The core's relay
     * tracks such gaps (it holds back later events for a bounded time, then delivers a late event late rather than
     * never), so a store may hand positions out from a sequence. A store whose positions always commit in order
     * (the in-memory store) simply never shows a gap.
     *
     * @param limit the most to return, positive
     */
    List<EventRecord> eventsAfter(long afterPosition, int limit);

    /**
     * The committed events at the given positions (those that exist), ascending by position. The relay asks for
     * positions it skipped as gaps, to deliver them should they commit late. The default asks
     * {@link #eventsAfter} once per position; stores should answer in one query.
     *
     * @param positions positions, never {@code null}
     */
    default List<EventRecord> eventsAt(Collection<Long> positions) {
        List<EventRecord> found = new ArrayList<>();
        for (long position : new java.util.TreeSet<>(positions)) {
            List<EventRecord> next = eventsAfter(position - 1, 1);
            if (!next.isEmpty() && next.get(0).position() == position) {
                found.add(next.get(0));
            }
        }
        return found;
    }

    /**
     * Tells the relays of other application instances on the same database that events committed, so they look at
     * the log now instead of at their next poll. Called by the core after a unit of work that appended events
     * returned (once the transaction it belongs to committed), never inside it. Stores may coalesce calls. The
     * default does nothing (other instances poll).
     */
    default void signalEventsCommitted() {
    }

    /**
     * Runs {@code committed} once the transaction that the calling thread's unit of work (which just returned from
     * {@link #inTransaction}) belongs to has committed, or {@code rolledBack} instead once it rolled back. The core
     * calls it right after {@code inTransaction} returned, on the same thread, with what must never happen before
     * the commit nor after a rollback: deleting attachment bytes, scheduling an announcement's delivery, waking the
     * relays and webhooks. A unit of work in a transaction of its own has committed when {@code inTransaction}
     * returns, so the default runs {@code committed} at once. A store whose units join a caller's transaction (a
     * host's {@code @Transactional} method) defers both to that transaction's end; called while a transaction's
     * end is being handled (from one of these runnables), it runs {@code committed} at once.
     *
     * @param committed  what to run after the commit, never {@code null}
     * @param rolledBack what to run after a rollback instead (the core forgets cached facts the transaction may
     *                   have loaded and deletes the bytes of uploads whose rows it took), never {@code null}; a
     *                   store that cannot tell may never run it
     */
    default void afterTransaction(Runnable committed, Runnable rolledBack) {
        committed.run();
    }

    /**
     * Calls {@code listener} (on a thread of the store's) whenever any instance signals committed events
     * ({@link #signalEventsCommitted}), until the returned handle is closed. The default never calls it: the relay
     * then relies on polling.
     *
     * @param listener what to run; quick, never {@code null}
     * @return closes the subscription; never {@code null}
     */
    default AutoCloseable listenForCommittedEvents(Runnable listener) {
        return () -> {
        };
    }

    /**
     * Durable webhook delivery state, shared by every application instance on this store. Needed only when
     * webhooks are configured; the default fails, so an engine with webhooks on a store without them fails to
     * start rather than dropping deliveries.
     *
     * @throws UnsupportedOperationException when the store keeps no webhook deliveries
     */
    default WebhookDeliveryStore webhookDeliveries() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep webhook deliveries;"
                + " use a store that does (in memory, JPA) or configure no webhooks");
    }

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
     * How many announcements of every tenant have not finished their delivery (queued or sending), and when the
     * oldest of them was sent: the operators' view (the Actuator endpoint {@code messaging}). The default fails, so
     * a store that predates it says so rather than reporting nothing pending.
     *
     * @throws UnsupportedOperationException when the store cannot tell
     */
    default AnnouncementBacklog announcementBacklog() {
        throw new UnsupportedOperationException(getClass().getName() + " does not report its announcement backlog");
    }

    /**
     * Claims up to {@code limit} announcements of every tenant whose delivery has not finished (queued or sending)
     * and that no node holds at {@code now}: without a lease, or with one whose {@code until} is not after
     * {@code now}. Each claimed announcement's lease becomes {@code (owner, leaseUntil)} before the call returns.
     * Announcements another unit of work has locked at the moment (a chunk being delivered) are skipped, not waited
     * for, so nodes claiming at once take different ones. Oldest first.
     *
     * @param owner      the claiming node's token, never {@code null}
     * @param now        the time leases are judged by, never {@code null}
     * @param leaseUntil the end of the new leases, never {@code null}
     * <p>The default claims them one unit of work each, through {@link AnnouncementRows#lock}: correct,
     * but it waits for locked rows instead of skipping them; stores should claim set-based.
     *
     * @return the claimed announcements, never {@code null}
     */
    default List<PendingAnnouncement> claimAnnouncements(String owner, Instant now, Instant leaseUntil, int limit) {
        AnnouncementLease lease = new AnnouncementLease(owner, leaseUntil);
        List<PendingAnnouncement> claimed = new ArrayList<>();
        for (PendingAnnouncement pending : unfinishedAnnouncements(10_000)) {
            if (claimed.size() >= limit) {
                break;
            }
            boolean taken = inTransaction(pending.tenantId(), tx -> tx.announcements().lock(pending.id())
                    .filter(announcement -> announcement.claimableAt(now))
                    .map(announcement -> {
                        tx.announcements().update(announcement.withLease(lease));
                        return true;
                    }).orElse(false));
            if (taken) {
                claimed.add(pending);
            }
        }
        return claimed;
    }

    /**
     * Claims up to {@code limit} notifications of every tenant that are due at {@code now} ({@code dueAt} not after
     * it) and that no node holds (no lease, or one whose {@code until} is not after {@code now}): each claimed row's
     * lease becomes {@code (owner, leaseUntil)} before the call returns. Rows another unit of work has locked at the
     * moment are skipped, not waited for, so nodes claiming at once take different ones. Earliest due first.
     * The default fails: needed only when notifications are on.
     *
     * @throws UnsupportedOperationException when the store keeps no notification state
     */
    default List<NotificationClaim> claimNotifications(String owner, Instant now, Instant leaseUntil, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep notification state");
    }

    /**
     * Claims up to {@code limit} follow-up reminders of every tenant that are due at {@code now} and that no node
     * holds, as {@link #claimNotifications} does for notifications: each claimed row's lease becomes
     * {@code (owner, leaseUntil)} before the call returns; rows locked at the moment are skipped; earliest first.
     * The default fails: needed only when reminders are on.
     *
     * @throws UnsupportedOperationException when the store keeps no reminders
     */
    default List<ReminderClaim> claimReminders(String owner, Instant now, Instant leaseUntil, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep follow-up reminders");
    }

    /**
     * Deletes up to {@code limit} attachments of every tenant that nothing references and that were uploaded
     * before {@code uploadedBefore}; returns them, so the core can delete their bytes.
     */
    List<AttachmentRow> deleteUnreferencedAttachments(Instant uploadedBefore, int limit);

    /** Releases the store's resources. The default does nothing. */
    @Override
    default void close() {
    }
}

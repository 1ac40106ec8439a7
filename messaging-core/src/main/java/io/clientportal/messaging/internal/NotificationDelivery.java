package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.model.Notification;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.NotificationClaim;
import io.clientportal.messaging.spi.NotificationRow;
import io.clientportal.messaging.spi.NotificationSender;
import io.clientportal.messaging.spi.RecipientDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Sends due notifications, on whichever node claims them (a lease in the recipient's row, like announcements'):
 * every node polls; a claimed notification is put together at send time (the read horizons decide: nothing is
 * sent when it was read meanwhile), handed to every sender, and finished under the row's lock by its claimant only:
 * sent (the row records it and clears), pushed back to the person's interval, or retried with backoff. A node that
 * dies after claiming leaves the row leased; once the lease ran out another node sends it, with the same id.
 */
final class NotificationDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
    private static final int CLAIM = 20;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final MessagingStore store;
    private final Context context;
    private final NotificationSettings settings;
    private final List<NotificationSender> senders;
    private final RecipientDirectory addresses;
    /** This node's token in the leases it holds: unique per engine, so a restarted node is another owner. */
    private final String owner = UUID.randomUUID().toString();
    private final ScheduledExecutorService poller;
    /** Follow-up reminders, sent in the same polls; {@code null} while they are off. */
    private final ReminderDelivery reminders;
    private volatile boolean closed;

    NotificationDelivery(MessagingStore store, Context context, NotificationSettings settings,
                         List<NotificationSender> senders, RecipientDirectory addresses) {
        this(store, context, settings, senders, addresses, null);
    }

    NotificationDelivery(MessagingStore store, Context context, NotificationSettings settings,
                         List<NotificationSender> senders, RecipientDirectory addresses,
                         Function<String, Messaging> tenants) {
        this.reminders = settings.remindersOn() && tenants != null
                ? new ReminderDelivery(store, context, settings, senders, addresses, tenants, owner) : null;
        this.store = store;
        this.context = context;
        this.settings = settings;
        this.senders = List.copyOf(senders);
        this.addresses = addresses;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "messaging-notifications");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Sending due notifications failed; will retry", e);
            }
        }
    }

    /** Claims and sends what is due, until nothing is; returns how many were sent. One caller at a time. */
    synchronized int sendDue() {
        int sent = 0;
        List<NotificationClaim> claims;
        do {
            Instant now = context.now();
            claims = store.claimNotifications(owner, now, now.plus(settings.lease()), CLAIM);
            for (NotificationClaim claim : claims) {
                if (closed) {
                    return sent;
                }
                if (process(claim)) {
                    sent++;
                }
            }
        } while (claims.size() == CLAIM && !closed);
        if (reminders != null && !closed) {
            sent += reminders.sendDue();
        }
        return sent;
    }

    /** Sends one claimed notification if it is still wanted; true when it was sent. */
    private boolean process(NotificationClaim claim) {
        String tenantId = claim.tenantId();
        Actor recipient = claim.recipient();
        try {
            NotificationRow row = context.transactions.read(tenantId, tx -> tx.store().notifications()
                    .find(recipient)).orElse(null);
            if (row == null || !row.leasedBy(owner)) {
                return false;
            }
            NotificationPreferences preferences = row.preferences() != null ? row.preferences()
                    : NotificationPreferences.defaults();
            if (preferences.mode() == NotificationPreferences.Mode.OFF) {
                finish(tenantId, recipient, r -> r.rescheduled(null, 0), false);
                return false;
            }
            Instant now = context.now();
            Instant earliest = earliestNext(row, preferences);
            if (earliest != null && now.isBefore(earliest)) {
                finish(tenantId, recipient, r -> r.rescheduled(earliest, r.attempts()), false);
                return false;
            }
            Optional<NotificationContent.Content> content = context.transactions.read(tenantId, tx ->
                    NotificationContent.of(tx.store(), recipient, row.coveredUntil(), settings.includeMessageText(),
                            new Mentions(context, tenantId).unread(tx.store(), recipient)));
            if (content.isEmpty()) {
                // Read meanwhile (or the person is gone): nothing to tell, unless something came in since.
                finish(tenantId, recipient, r -> r.rescheduled(null, 0), true);
                return false;
            }
            Notification notification = new Notification(idOf(tenantId, row), tenantId,
                    new Notification.Recipient(recipient, content.get().recipientName(),
                            addresses.emailOf(tenantId, recipient), addresses.localeOf(tenantId, recipient)),
                    content.get().conversations(), now);
            RuntimeException failure = null;
            for (NotificationSender sender : senders) {
                try {
                    sender.send(notification);
                } catch (RuntimeException e) {
                    failure = e;
                    log.warn("Notification {} failed in {}; will retry", notification.id(),
                            sender.getClass().getSimpleName(), e);
                }
            }
            if (failure != null) {
                finish(tenantId, recipient, r -> r.rescheduled(now.plus(backoff(r.attempts() + 1)),
                        r.attempts() + 1), false);
                return false;
            }
            Instant covered = content.get().newest();
            finish(tenantId, recipient, r -> r.sent(now, covered), true);
            log.debug("Notification {} sent to {} {}", notification.id(), recipient.kind(), recipient.id());
            return true;
        } catch (RuntimeException e) {
            // Still leased: this node or another sends it once the lease ran out.
            log.warn("Notification for {} {} failed; will retry after its lease", recipient.kind(), recipient.id(), e);
            return false;
        }
    }

    /**
     * Writes the outcome under the row's lock, if this node still holds the claim. With {@code recheck}, a
     * message newer than what the row now covers (one whose post saw the notification pending, so scheduled
     * nothing) makes it due again: the post's schedule waits for this lock, or this unit sees its message.
     */
    private void finish(String tenantId, Actor recipient, UnaryOperator<NotificationRow> outcome, boolean recheck) {
        context.transactions.write(tenantId, tx -> {
            NotificationRow row = tx.store().notifications().lock(recipient).orElse(null);
            if (row == null || !row.leasedBy(owner)) {
                return null;   // taken over by another node after the lease ran out
            }
            NotificationRow next = outcome.apply(row);
            if (recheck && next.dueAt() == null) {
                Optional<NotificationContent.Content> more = NotificationContent.of(tx.store(), recipient,
                        next.coveredUntil(), false, new Mentions(context, tenantId).unread(tx.store(), recipient));
                if (more.isPresent()) {
                    next = next.rescheduled(more.get().newest().plus(settings.delayFor(recipient)), 0);
                }
            }
            tx.store().notifications().save(next);
            return null;
        });
    }

    /** When the person may be told again: their interval (or digest hours) after the last notification. */
    private Instant earliestNext(NotificationRow row, NotificationPreferences preferences) {
        if (row.lastSentAt() == null) {
            return null;
        }
        return row.lastSentAt().plus(preferences.mode() == NotificationPreferences.Mode.DIGEST
                ? Duration.ofHours(preferences.digestHours()) : settings.interval());
    }

    /** Stable while the notification is pending: only a successful send moves {@code lastSentAt}. */
    private static UUID idOf(String tenantId, NotificationRow row) {
        String key = tenantId + '\n' + row.recipient().kind() + '\n' + row.recipient().id() + '\n'
                + (row.lastSentAt() == null ? "first" : row.lastSentAt().toString());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration backoff(int attempt) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(20, attempt - 1));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

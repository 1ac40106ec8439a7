package io.clientportal.messaging.internal;

import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.spi.AnnouncementBacklog;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.WebhookBacklog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Takes the engine's {@link MessagingStatus}: a few reads of the store, none of them of message text. */
final class StatusReport {

    private final MessagingStore store;
    private final EventRelay relay;
    private final boolean webhooks;
    private final Clock clock;

    /** @param webhooks whether webhooks are configured (else the store need keep no deliveries) */
    StatusReport(MessagingStore store, EventRelay relay, boolean webhooks, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The status now; a store that fails is a {@link MessagingStoreException}, as from every other call. */
    MessagingStatus now() {
        try {
            return take();
        } catch (MessagingStoreException | UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MessagingStoreException("the messaging store failed: " + e.getMessage(), e);
        }
    }

    private MessagingStatus take() {
        Instant at = clock.instant();
        // The relay's facts first: a log end read after them can only be further ahead, never make it look ahead.
        long position = relay.position();
        Instant progressedAt = relay.progressedAt();
        long logEnd = store.lastEventPosition();
        Duration lag = Duration.ZERO;
        if (logEnd > position) {
            List<EventRecord> next = store.eventsAfter(position, 1);
            if (!next.isEmpty()) {
                lag = since(next.get(0).createdAt(), at);
            }
        }
        return new MessagingStatus(at, new MessagingStatus.Relay(position, logEnd, lag, since(progressedAt, at)),
                announcements(), webhookQueues());
    }

    private MessagingStatus.PendingAnnouncements announcements() {
        try {
            AnnouncementBacklog backlog = store.announcementBacklog();
            return new MessagingStatus.PendingAnnouncements(backlog.pending(), backlog.oldest());
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private List<MessagingStatus.WebhookQueue> webhookQueues() {
        if (!webhooks) {
            return List.of();
        }
        try {
            return store.webhookDeliveries().backlog().stream().map(StatusReport::queue).toList();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static MessagingStatus.WebhookQueue queue(WebhookBacklog backlog) {
        return new MessagingStatus.WebhookQueue(EndpointNames.shown(backlog.endpoint()), backlog.pending(),
                backlog.dead(), backlog.oldestPending());
    }

    private static Duration since(Instant then, Instant now) {
        Duration elapsed = Duration.between(then, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}

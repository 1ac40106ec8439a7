package io.clientportal.messaging.testkit;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spi.AnnouncementBacklog;
import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.MessagingStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@link Messaging#status()} reports from the store: the relay against the log's end, the announcements not
 * yet delivered and the webhook deliveries waiting per endpoint. Other tests share the store, so counts are taken
 * before and after, and what this test adds is named or dated so that it stands out.
 */
public abstract class StatusContract extends Contract {

    /** The store under test. */
    protected abstract MessagingStore store();

    /** An engine over the same store that sends webhooks to {@code endpoint}; the caller closes it. */
    protected abstract Messaging nodeWithWebhook(WebhookEndpoint endpoint, WebhookPolicy policy);

    @Test
    void theRelayReportsTheLogsEndAndCatchesUpWithIt() {
        var w = world();
        w.post(w.alice, w.acme, "status " + UUID.randomUUID());
        long end = store().lastEventPosition();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MessagingStatus.Relay relay = w.messaging.status().relay();
            assertThat(relay.logEnd()).isGreaterThanOrEqualTo(end);
            assertThat(relay.position()).isGreaterThanOrEqualTo(end);
            assertThat(relay.state(Duration.ofMinutes(1))).isEqualTo(MessagingStatus.RelayState.IDLE);
            assertThat(relay.lag()).isZero();
        });
    }

    @Test
    void unfinishedAnnouncementsAreCountedWithTheOldest() {
        var w = world();
        AnnouncementBacklog before = store().announcementBacklog();
        // Older than anything another test sends, and held by a node that is not running, so nobody delivers it.
        Instant longAgo = Instant.parse("2001-02-03T04:05:06.123456Z");
        AnnouncementRow row = new AnnouncementRow(new AnnouncementId(UUID.randomUUID()), w.owner, "Olivia Owner",
                "held back", false, true, Announcement.Status.SENDING, 3, 1, null, longAgo,
                new AnnouncementLease("a node that is not running", w.clock.instant().plus(Duration.ofDays(1))));
        store().inTransaction(w.messaging.tenantId(), tx -> {
            tx.announcements().insert(row);
            return null;
        });
        try {
            AnnouncementBacklog pending = store().announcementBacklog();
            assertThat(pending.pending()).isEqualTo(before.pending() + 1);
            assertThat(pending.oldest()).isEqualTo(longAgo);
            assertThat(w.messaging.status().announcements())
                    .isEqualTo(new MessagingStatus.PendingAnnouncements(pending.pending(), longAgo));
        } finally {
            store().inTransaction(w.messaging.tenantId(), tx -> {
                tx.announcements().update(row.withProgress(Announcement.Status.FAILED, 1, null).withLease(null));
                return null;
            });
        }
        assertThat(store().announcementBacklog().pending()).isEqualTo(before.pending());
    }

    @Test
    void webhookDeliveriesArePerEndpointPendingOrDead() throws IOException {
        var w = world();
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        refusing.start();
        try {
            String name = "status-" + UUID.randomUUID();
            WebhookEndpoint endpoint = new WebhookEndpoint(name, URI.create("http://127.0.0.1:"
                    + refusing.getAddress().getPort() + "/hook"), "status secret", Set.of("MessagePosted"));
            WebhookPolicy once = WebhookPolicy.defaults().withMaxAttempts(1).withTimeout(Duration.ofSeconds(5));
            try (Messaging node = nodeWithWebhook(endpoint, once)) {
                // The node that writes queues the deliveries, for the endpoints it has.
                node.tenant(w.messaging.tenantId()).messages().post(w.alice, w.acme, NewMessage.text("dies"));
                await().atMost(Duration.ofSeconds(20)).until(() -> queue(node, name) != null
                        && queue(node, name).dead() == 1);
            }
            // The next attempt is an hour away: the delivery waits, pending.
            WebhookPolicy later = WebhookPolicy.defaults().withMaxAttempts(5)
                    .withBackoff(Duration.ofHours(1), Duration.ofHours(1)).withTimeout(Duration.ofSeconds(5));
            try (Messaging node = nodeWithWebhook(endpoint, later)) {
                Message waiting = node.tenant(w.messaging.tenantId()).messages().post(w.alice, w.acme,
                        NewMessage.text("waits"));
                await().atMost(Duration.ofSeconds(20)).until(() -> queue(node, name).pending() == 1);
                MessagingStatus.WebhookQueue queue = queue(node, name);
                assertThat(queue.dead()).isEqualTo(1);
                assertThat(queue.oldestPending()).isEqualTo(waiting.createdAt());
                List<String> names = node.status().webhooks().stream().map(MessagingStatus.WebhookQueue::endpoint)
                        .toList();
                assertThat(names).isSorted();
            }
        } finally {
            refusing.stop(0);
        }
    }

    private static MessagingStatus.WebhookQueue queue(Messaging node, String endpoint) {
        return node.status().webhooks().stream().filter(q -> q.endpoint().equals(endpoint)).findFirst()
                .orElse(null);
    }
}

package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.MessagingStatus;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The Actuator endpoint {@code messaging} ({@code GET /actuator/messaging}): this instance's event relay against the
 * log, the announcements and webhook deliveries of every tenant that wait, dead letters per endpoint, and this
 * instance's counters. Counts, positions, times and endpoint names only (a name that is a URL without its user
 * info, query and fragment): no message text, no ids, no secrets. Exposed and secured like every Actuator
 * endpoint ({@code management.endpoints.web.exposure.include}).
 */
@Endpoint(id = "messaging")
public class MessagingEndpoint {

    private final Messaging messaging;
    private final Duration stallTimeout;
    private final MicrometerMessagingMetrics metrics;

    /** @param metrics this node's counters, or {@code null} without Micrometer */
    public MessagingEndpoint(Messaging messaging, Duration stallTimeout, MicrometerMessagingMetrics metrics) {
        this.messaging = messaging;
        this.stallTimeout = stallTimeout;
        this.metrics = metrics;
    }

    /** The report; parts the store cannot tell are {@code null}. */
    @ReadOperation
    public Report report() {
        MessagingStatus status = messaging.status();
        MessagingStatus.Relay relay = status.relay();
        return new Report(status.at(), new Relay(relay.state(stallTimeout).name().toLowerCase(Locale.ROOT),
                relay.position(), relay.logEnd(), relay.behind(), relay.lag().toString(), relay.lag().toMillis(),
                relay.sinceProgress().toString()),
                status.announcements() == null ? null : new Announcements(status.announcements().count(),
                        status.announcements().oldest()),
                status.webhooks() == null ? null : webhooks(status.webhooks()),
                metrics == null ? null : metrics.counts());
    }

    private static Webhooks webhooks(List<MessagingStatus.WebhookQueue> queues) {
        return new Webhooks(queues.stream().mapToLong(MessagingStatus.WebhookQueue::pending).sum(),
                queues.stream().mapToLong(MessagingStatus.WebhookQueue::dead).sum(),
                queues.stream().map(q -> new WebhookEndpoint(q.endpoint(), q.pending(), q.dead(), q.oldestPending()))
                        .toList());
    }

    /**
     * What {@code GET /actuator/messaging} answers.
     *
     * @param at            when it was taken
     * @param relay         this instance's event relay
     * @param announcements announcements not delivered to every target yet, of every tenant
     * @param webhooks      webhook deliveries that wait, of every tenant
     * @param node          this instance's counters (the meters of {@link MicrometerMessagingMetrics})
     */
    public record Report(Instant at, Relay relay, Announcements announcements, Webhooks webhooks,
                         MicrometerMessagingMetrics.Counts node) {
    }

    /**
     * The relay against the log.
     *
     * @param state         {@code idle}, {@code busy} or {@code stalled} (as the health indicator tells them)
     * @param position      up to where it handed every event on
     * @param logEnd        the highest committed position
     * @param behind        how many positions it is behind
     * @param lag           the age of the oldest event it has not handed on (ISO-8601)
     * @param lagMillis     the same, in milliseconds
     * @param sinceProgress how long since it last moved on or found itself caught up (ISO-8601)
     */
    public record Relay(String state, long position, long logEnd, long behind, String lag, long lagMillis,
                        String sinceProgress) {
    }

    /**
     * Announcements waiting for delivery.
     *
     * @param pending how many
     * @param oldest  when the oldest was sent, or {@code null}
     */
    public record Announcements(long pending, Instant oldest) {
    }

    /**
     * Webhook deliveries waiting, in all and per endpoint.
     *
     * @param pending     deliveries not made yet
     * @param deadLetters deliveries that gave up
     * @param endpoints   per endpoint with anything waiting, by name
     */
    public record Webhooks(long pending, long deadLetters, List<WebhookEndpoint> endpoints) {
    }

    /**
     * What waits for one endpoint.
     *
     * @param name          the endpoint's name
     * @param pending       deliveries not made yet
     * @param deadLetters   deliveries that gave up
     * @param oldestPending when the event of the oldest pending delivery happened, or {@code null}
     */
    public record WebhookEndpoint(String name, long pending, long deadLetters, Instant oldestPending) {
    }
}

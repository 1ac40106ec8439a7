package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.MessagingStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.Locale;

/**
 * Health of messaging on this instance: the store answers, and this instance's event relay keeps up with the log.
 * Tells a stuck relay from a busy one ({@link MessagingStatus.Relay#state}): {@code relay} is {@code idle} (caught
 * up) or {@code busy} (behind, and it moved on within {@code messaging.health.relay-stall-timeout}), both UP, or
 * {@code stalled} (behind, and it has not moved on for longer), DOWN. DOWN too when the store fails. Details: the
 * log's end, the relay's position, how far behind it is and its lag (the age of the oldest event it has not handed
 * on), and how long since it last moved on.
 */
public final class MessagingHealthIndicator implements HealthIndicator {

    private final Messaging messaging;
    private final Duration stallTimeout;

    public MessagingHealthIndicator(Messaging messaging, Duration stallTimeout) {
        this.messaging = messaging;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public Health health() {
        MessagingStatus.Relay relay;
        try {
            relay = messaging.status().relay();
        } catch (UnsupportedOperationException e) {
            return Health.unknown().withDetail("relay", "not monitored").build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", "unavailable")
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
        MessagingStatus.RelayState state = relay.state(stallTimeout);
        Health.Builder health = state == MessagingStatus.RelayState.STALLED ? Health.down() : Health.up();
        return health.withDetail("store", "available")
                .withDetail("relay", state.name().toLowerCase(Locale.ROOT))
                .withDetail("lastEventPosition", relay.logEnd())
                .withDetail("relayPosition", relay.position())
                .withDetail("relayBehind", relay.behind())
                .withDetail("relayLag", relay.lag().toString())
                .withDetail("relayLagMillis", relay.lag().toMillis())
                .withDetail("relaySinceProgress", relay.sinceProgress().toString())
                .build();
    }
}

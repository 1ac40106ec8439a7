package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.MessagingStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;

/**
 * Health of messaging on this instance: the store answers, and this instance's event relay keeps up with the log.
 * Reports the relay's lag ({@code relayLag}: how long the oldest event it has not handed on has been in the log; 0
 * when caught up). Down when the store fails, or when the relay is behind the log and has made no progress for
 * {@code messaging.health.relay-stall-timeout}.
 */
public final class MessagingHealthIndicator implements HealthIndicator {

    private final MessagingStore store;
    private final EventRelayMonitor relay;
    private final Duration stallTimeout;
    private final Clock clock;

    public MessagingHealthIndicator(MessagingStore store, EventRelayMonitor relay, Duration stallTimeout, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.stallTimeout = stallTimeout;
        this.clock = clock;
    }

    @Override
    public Health health() {
        long logEnd;
        try {
            logEnd = store.lastEventPosition();
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", "unavailable")
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
        if (!relay.isAttached()) {
            return Health.up().withDetail("store", "available").withDetail("lastEventPosition", logEnd)
                    .withDetail("relay", "not monitored").build();
        }
        long behind = Math.max(0, logEnd - relay.position());
        Duration lag = Duration.ZERO;
        if (behind > 0) {
            try {
                var next = store.eventsAfter(relay.position(), 1);
                if (!next.isEmpty()) {
                    lag = Duration.between(next.get(0).createdAt(), clock.instant());
                    lag = lag.isNegative() ? Duration.ZERO : lag;
                }
            } catch (RuntimeException e) {
                return Health.down().withDetail("store", "unavailable")
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        }
        boolean stalled = behind > 0
                && Duration.between(relay.progressedAt(), clock.instant()).compareTo(stallTimeout) > 0;
        Health.Builder health = stalled ? Health.down() : Health.up();
        return health.withDetail("store", "available")
                .withDetail("relay", stalled ? "stalled" : "running")
                .withDetail("lastEventPosition", logEnd)
                .withDetail("relayPosition", relay.position())
                .withDetail("relayBehind", behind)
                .withDetail("relayLag", lag.toString())
                .withDetail("relayLagMillis", lag.toMillis())
                .build();
    }
}

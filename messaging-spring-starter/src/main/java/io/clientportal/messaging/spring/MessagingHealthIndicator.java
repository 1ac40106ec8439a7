package io.clientportal.messaging.spring;

import io.clientportal.messaging.spi.MessagingStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;

/**
 * Health of messaging: the store answers, and the event relay keeps up with the log. Down when the store fails, or
 * when the relay is behind the log and has made no progress for {@code messaging.health.relay-stall-timeout}.
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
        boolean stalled = behind > 0
                && Duration.between(relay.progressedAt(), clock.instant()).compareTo(stallTimeout) > 0;
        Health.Builder health = stalled ? Health.down() : Health.up();
        return health.withDetail("store", "available")
                .withDetail("relay", stalled ? "stalled" : "running")
                .withDetail("lastEventPosition", logEnd)
                .withDetail("relayPosition", relay.position())
                .withDetail("relayBehind", behind)
                .build();
    }
}

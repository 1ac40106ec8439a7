package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.model.MessagingStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the health indicator makes of the engine's status: idle and busy relays are UP, a stalled one is DOWN, and so
 * is a store that fails. (How the relay comes to be stalled is the core's {@code RelayStatusTests}.)
 */
class MessagingHealthIndicatorTests {

    private static final Duration STALL = Duration.ofMinutes(1);

    private final Messaging messaging = mock(Messaging.class);
    private final MessagingHealthIndicator indicator = new MessagingHealthIndicator(messaging, STALL);

    @Test
    void aCaughtUpRelayIsUpAndIdle() {
        relay(40, 40, Duration.ZERO, Duration.ofHours(5));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("relay", "idle").containsEntry("relayBehind", 0L)
                .containsEntry("relayPosition", 40L).containsEntry("lastEventPosition", 40L);
    }

    @Test
    void aRelayBehindThatMovedOnWithinTheTimeoutIsUpAndBusy() {
        relay(40, 9_040, Duration.ofSeconds(90), Duration.ofMillis(300));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("relay", "busy").containsEntry("relayBehind", 9_000L)
                .containsEntry("relayLag", "PT1M30S").containsEntry("relayLagMillis", 90_000L)
                .containsEntry("relaySinceProgress", "PT0.3S");
    }

    @Test
    void aRelayBehindThatHasNotMovedOnForLongerIsDownAndStalled() {
        relay(40, 41, Duration.ofMinutes(2), STALL.plusSeconds(1));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("relay", "stalled").containsEntry("relayBehind", 1L);
    }

    @Test
    void aFailingStoreIsDown() {
        given(messaging.status()).willThrow(new MessagingStoreException("the messaging store failed: gone",
                new IllegalStateException("gone")));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("store", "unavailable")
                .containsEntry("error", "MessagingStoreException");
    }

    @Test
    void aMessagingThatCannotTellIsUnknown() {
        given(messaging.status()).willThrow(new UnsupportedOperationException("no status"));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    private void relay(long position, long logEnd, Duration lag, Duration sinceProgress) {
        given(messaging.status()).willReturn(new MessagingStatus(Instant.now(),
                new MessagingStatus.Relay(position, logEnd, lag, sinceProgress), null, List.of()));
    }
}

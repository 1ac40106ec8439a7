package io.clientportal.messaging.jpa;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** When an instance counts another as listening on its channel, on a clock the test moves. */
class PeerPresenceTests {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final PeerPresence peers = new PeerPresence(clock::get);

    @Test
    void nobodyIsPresentUntilHeard() {
        assertThat(peers.present()).isFalse();
        clock.addAndGet(PeerPresence.TTL * 10);
        assertThat(peers.present()).isFalse();

        peers.heard();

        assertThat(peers.present()).isTrue();
    }

    @Test
    void aPeerStaysPresentWhileItsHeartbeatsArriveAndIsGoneAfterThreeMissed() {
        peers.heard();
        for (int beat = 0; beat < 5; beat++) {
            clock.addAndGet(PeerPresence.HEARTBEAT);
            peers.heard();
            assertThat(peers.present()).isTrue();
        }

        clock.addAndGet(3 * PeerPresence.HEARTBEAT);
        assertThat(peers.present()).as("three heartbeats late: a pause, not yet gone").isTrue();
        clock.addAndGet(PeerPresence.TTL - 3 * PeerPresence.HEARTBEAT);
        assertThat(peers.present()).isFalse();

        peers.heard();
        assertThat(peers.present()).as("back, as after a restart").isTrue();
    }

    @Test
    void aListenerOwesAHeartbeatOncePerInterval() {
        long spokeAt = peers.now();
        clock.addAndGet(PeerPresence.HEARTBEAT - 1);
        assertThat(peers.heartbeatDue(spokeAt)).isFalse();
        clock.incrementAndGet();
        assertThat(peers.heartbeatDue(spokeAt)).isTrue();
    }
}

package io.clientportal.messaging.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event workload's neighbour: another process that takes CPU while it runs, and is gone afterwards. */
class CpuHogTests {

    @Test
    void aHogIsAnotherProcessThatSpinsUntilClosed() {
        CpuHog hog = CpuHog.start(1);
        try {
            assertThat(hog.isAlive()).isTrue();
            assertThat(hog.pid()).isNotEqualTo(ProcessHandle.current().pid());
            // It spins: its CPU time grows by a second of work while this thread only waits for it.
            long started = hog.cpuNanos();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> hog.cpuNanos() - started > Duration.ofSeconds(1).toNanos());
        } finally {
            hog.close();
        }
        assertThat(hog.isAlive()).isFalse();
    }
}

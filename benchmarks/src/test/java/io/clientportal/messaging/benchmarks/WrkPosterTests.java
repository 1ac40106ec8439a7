package io.clientportal.messaging.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How wrk's summary is read: its posts and time, and a failed request fails the run. */
class WrkPosterTests {

    private static final String HEADER = """
            Running 4s test @ http://127.0.0.1:40123/
              1 threads and 8 connections
            """;

    @Test
    void readsThePostsAndTheTimeTaken() {
        HttpEdgeWorkload.Run run = WrkPoster.parse(HEADER
                + "BENCH requests=6000 duration_us=4000000 connect=0 read=0 write=0 status=0 timeout=0\n");

        assertThat(run.ops()).isEqualTo(6_000);
        assertThat(run.nanos()).isEqualTo(4_000_000_000L);
        assertThat(run.perSecond()).isEqualTo(1_500.0);
    }

    @Test
    void refusedPostsFailTheRun() {
        assertThatThrownBy(() -> WrkPoster.parse(HEADER
                + "BENCH requests=6000 duration_us=4000000 connect=0 read=0 write=0 status=12 timeout=0\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("12 status errors");
        assertThatThrownBy(() -> WrkPoster.parse(HEADER
                + "BENCH requests=6000 duration_us=4000000 connect=0 read=0 write=0 status=0 timeout=3\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 timeout errors");
    }

    @Test
    void anOutputWithoutTheSummaryFails() {
        assertThatThrownBy(() -> WrkPoster.parse("unable to connect to 127.0.0.1:1 Connection refused\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no summary");
    }

    @Test
    void aRunWithoutAnswersIsNoneAtAll() {
        HttpEdgeWorkload.Run run = WrkPoster.parse(
                "BENCH requests=0 duration_us=1000000 connect=0 read=0 write=0 status=0 timeout=0\n");

        assertThat(run.ops()).isZero();
        assertThat(run.perSecond()).isZero();
    }
}

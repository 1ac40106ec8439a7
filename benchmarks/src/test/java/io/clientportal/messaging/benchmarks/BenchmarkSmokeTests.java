package io.clientportal.messaging.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole harness at tiny sizes on H2 and PostgreSQL, so that it never rots: every workload runs through
 * every variant, and the report files come out with a row per workload and database (the views that should cost the
 * page with the small tenant's columns).
 */
class BenchmarkSmokeTests {

    private static final List<String> WORKLOADS = List.of("post, 1 thread", "post, 8 threads",
            "history page of 50, newest", "history page of 50, deep", "agent inbox page of", "unread only",
            "owner unread total", "mark read + unread total", "announcement to all", "event delivery p99, one node",
            "post over HTTP", "HTTP floor", "history over HTTP at 200/s, p99", "history over HTTP at 200/s, p50");

    @Test
    void everyWorkloadRunsOnBothDatabasesAndIsReported(@TempDir Path output) throws Exception {
        Report report = new Benchmark(BenchmarkConfig.tiny(List.of("h2", "postgresql"), output),
                EdgeConfig.tiny()).run();

        String text = Files.readString(output.resolve(Report.TEXT));
        List<String> csv = Files.readAllLines(output.resolve(Report.CSV));
        String html = Files.readString(output.resolve(Report.HTML));
        assertThat(text).isEqualTo(report.text()).contains("### H2", "### PostgreSQL");
        for (String database : List.of("H2", "PostgreSQL")) {
            for (String workload : WORKLOADS) {
                assertThat(csv).as(database + ": " + workload)
                        .filteredOn(line -> line.startsWith("\"" + database) && line.contains(workload))
                        .hasSize(1)
                        // SDK, RAW and NAIVE each measured a figure
                        .allSatisfy(line -> assertThat(line.split(",")[3]).isNotBlank());
            }
        }
        assertThat(csv).filteredOn(line -> line.startsWith("\"PostgreSQL") && line.contains("two nodes")).hasSize(1);
        // The owner's pages: all conversations and unread only.
        assertThat(csv).filteredOn(line -> line.contains("owner inbox page of")).hasSize(4);
        assertThat(html).contains("<svg", "agent inbox page of", "PostgreSQL");
        assertSmallTenantColumns(text, html, csv);
    }

    /** The views that should cost the page, not the tenant, are measured on the small tenant too. */
    private static void assertSmallTenantColumns(String text, String html, List<String> csv) {
        // The tiny run's 100 conversations against a small tenant of half as many.
        assertThat(text).contains("at 50", "100/50", "RAW 100/50", "SDK/RAW <= 2, 100/50 <= 2");
        assertThat(html).contains("<th>at 50</th><th>100/50</th>");
        assertThat(csv.get(0)).endsWith(
                ",holds,small_conversations,sdk_small,raw_small,sdk_large_per_small,raw_large_per_small");
        for (String database : List.of("H2", "PostgreSQL")) {
            List<String> rows = csv.stream().filter(line -> line.startsWith("\"" + database)).toList();
            assertThat(rows).as(database).filteredOn(line -> line.contains("inbox page of")
                    || line.contains("owner unread total")).hasSize(4).allSatisfy(line -> {
                        // The small tenant's columns come last: its size, then SDK, RAW and their ratios, all measured.
                        List<String> small = lastColumns(line, 5);
                        assertThat(small.get(0)).isEqualTo("50");
                        assertThat(small.subList(1, 5)).allSatisfy(value -> assertThat(value).isNotBlank());
                    });
            assertThat(rows).as(database).filteredOn(line -> line.contains("history page of 50")).hasSize(2)
                    .allSatisfy(line -> assertThat(lastColumns(line, 5)).containsOnly(""));
        }
    }

    private static List<String> lastColumns(String csvLine, int count) {
        String[] columns = csvLine.split(",", -1);
        return List.of(columns).subList(columns.length - count, columns.length);
    }

    /**
     * The SSE profile opens its streams and gets every delivery on both servers: the starter's event streams (one
     * write per event, unbuffered) work on Jetty as they do on Tomcat, and the profile's own parts keep working.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void theSseProfileRunsAtATinySizeOnEitherServer(String server, @TempDir Path output) throws Exception {
        BenchmarkConfig config = new BenchmarkConfig(List.of("h2"), 1, 24, 10, 200, 3, 100, 10, 2, 2, 1, 20, 1_000, 0,
                Set.of("sse"), output);
        EdgeConfig tiny = EdgeConfig.tiny();
        EdgeConfig edge = new EdgeConfig(tiny.httpConnections(), tiny.httpPostSeconds(), tiny.httpWarmUpPosts(),
                tiny.httpDriver(), tiny.httpRate(), tiny.httpRequests(), tiny.streams(), tiny.staffStreams(),
                tiny.sseRate(), tiny.sseSeconds(), server);
        new Benchmark(config, edge).run();   // fails unless every delivery arrived

        List<String> csv = Files.readAllLines(output.resolve(Report.CSV));
        assertThat(csv).filteredOn(line -> line.startsWith("\"H2") && line.contains("SSE streams open"))
                .singleElement()
                .satisfies(line -> assertThat(Double.parseDouble(line.split(",")[3])).isEqualTo(12.0));
        assertThat(csv).filteredOn(line -> line.startsWith("\"H2") && line.contains("SSE ")).hasSize(5);
    }

    @Test
    void theBigAnnouncementProfileRunsAtATinySize(@TempDir Path output) throws Exception {
        BenchmarkConfig config = new BenchmarkConfig(List.of("postgresql"), 1, 24, 10, 200, 3, 300, 10, 2, 2, 1, 20,
                1_000, 0, Set.of(BenchmarkConfig.BIG_ANNOUNCEMENT), output);
        new Benchmark(config, EdgeConfig.tiny()).run();

        List<String> csv = Files.readAllLines(output.resolve(Report.CSV));
        assertThat(csv).filteredOn(line -> line.startsWith("\"PostgreSQL"))
                .singleElement().satisfies(line -> {
                    assertThat(line).contains("announcement to 300, 1 round");
                    String[] columns = line.split(",");
                    assertThat(columns[3]).as("SDK").isNotBlank();
                    assertThat(columns[4]).as("RAW").isNotBlank();
                });
    }
}

package io.clientportal.messaging.benchmarks;

import java.util.List;

/**
 * The sizes of the HTTP and SSE edge workloads, from {@code -Dbench.*} system properties (beside
 * {@link BenchmarkConfig}, whose sizes they share where they post or read).
 *
 * @param httpConnections concurrent connections (and Java API threads) of the posting comparison
 * @param httpPostSeconds how long each round of the posting comparison posts, per side
 * @param httpWarmUpPosts posts each side makes at least before the posting comparison's rounds (with at least
 *                        {@code bench.warmUpMillis} of posting), so that C2 has compiled the server's path
 * @param httpDriver      what posts over HTTP: {@code wrk} (the C load generator, which must be on the
 *                        {@code PATH}), {@code java} (Java's {@code HttpClient}), or {@code auto}: wrk where it is
 *                        installed, else Java
 * @param httpRate        history requests per second, sent at that constant rate
 * @param httpRequests    history requests per round and variant (at {@code httpRate})
 * @param streams         event streams the SSE profile opens (clients, each in their own conversation, and staff)
 * @param staffStreams    of those, streams of the owner, who sees every conversation's events
 * @param sseRate         posts per second while the streams are open
 * @param sseSeconds      how long the posts flow
 * @param server          the servlet container the edge runs on: {@code tomcat} (Boot's default) or {@code jetty}
 */
record EdgeConfig(int httpConnections, int httpPostSeconds, int httpWarmUpPosts, String httpDriver, int httpRate,
                  int httpRequests, int streams, int staffStreams, int sseRate, int sseSeconds, String server) {

    EdgeConfig {
        if (!List.of("auto", "wrk", "java").contains(httpDriver)) {
            throw new IllegalArgumentException("bench.httpDriver is auto, wrk or java, not " + httpDriver);
        }
        if (!List.of("tomcat", "jetty").contains(server)) {
            throw new IllegalArgumentException("bench.server is tomcat or jetty, not " + server);
        }
        if (httpConnections < 1 || httpPostSeconds < 1 || httpWarmUpPosts < 0 || httpRate < 1 || httpRequests < 1
                || sseRate < 1 || sseSeconds < 1) {
            throw new IllegalArgumentException("edge sizes must be positive");
        }
        if (staffStreams < 0 || staffStreams >= streams) {
            throw new IllegalArgumentException("streams must exceed staffStreams");
        }
    }

    static EdgeConfig fromSystemProperties() {
        return new EdgeConfig(
                integer("bench.httpConnections", 8),
                integer("bench.httpPostSeconds", 4),
                integer("bench.httpWarmUpPosts", 10_000),
                System.getProperty("bench.httpDriver", "auto"),
                integer("bench.httpRate", 200),
                integer("bench.httpRequests", 300),
                integer("bench.streams", 10_000),
                integer("bench.staffStreams", 20),
                integer("bench.sseRate", 200),
                integer("bench.sseSeconds", 30),
                System.getProperty("bench.server", "tomcat"));
    }

    /** Sizes for the smoke test: seconds. */
    static EdgeConfig tiny() {
        return new EdgeConfig(2, 2, 20, "auto", 200, 20, 12, 2, 50, 1, "tomcat");
    }

    /** Whether wrk posts (else Java's {@code HttpClient}). @throws IllegalStateException wrk asked for, not there */
    boolean wrk() {
        boolean available = WrkPoster.available();
        if (httpDriver.equals("wrk") && !available) {
            throw new IllegalStateException("-Dbench.httpDriver=wrk, but no wrk on the PATH (apt-get install wrk)");
        }
        return !httpDriver.equals("java") && available;
    }

    /** Whether the edge runs on Jetty (else Tomcat). */
    boolean jetty() {
        return server.equals("jetty");
    }

    /** Client streams: one per conversation. */
    int clientStreams() {
        return streams - staffStreams;
    }

    private static int integer(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(defaultValue)).replace("_", ""));
    }
}

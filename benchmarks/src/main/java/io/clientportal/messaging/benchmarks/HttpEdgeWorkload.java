package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.NewMessage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import static io.clientportal.messaging.benchmarks.Result.Target.Kind.ABSOLUTE_AT_MOST;
import static io.clientportal.messaging.benchmarks.Result.Target.Kind.RATIO_AT_LEAST;

/**
 * The HTTP edge: posting and history pages through the starter's REST API on a real server ({@link EdgeServer})
 * over HTTP/1.1 keep-alive connections, beside the same work through the same application's Java API in the same
 * rounds (the rows' RAW column holds the Java API's figure: the limit of the edge). Posting is closed-loop
 * throughput on {@code httpConnections} connections against as many Java threads, both sides warmed up alike and
 * timed for {@code httpPostSeconds} per round; the posts are sent by wrk ({@link WrkPoster}) where it is installed
 * (a C load generator's CPU cost per request is a fraction of Java's {@link HttpClient}, which on a small machine
 * competes with the server it measures), else by {@link HttpClient}; the row names the driver.
 * History pages are sent open-loop at a constant {@code httpRate}, each latency counted from the request's scheduled
 * time, so a slow answer delays its own count and queueing is not hidden (no coordinated omission).
 */
final class HttpEdgeWorkload {

    private static final String HTTP = "HTTP";
    private static final String JAVA = "Java";
    /** The edge's floor: the same requests to an endpoint that does nothing (see {@link EdgeServer#FLOOR_PATH}). */
    private static final String FLOOR = "floor";
    private static final ConversationId HISTORY =
            new ConversationId(Dataset.conversationId(Dataset.HISTORY_CONVERSATION));
    private static final String HISTORY_READER = Dataset.user(Dataset.HISTORY_CONVERSATION);
    private static final long WRK_POSTS_PER_RUN = 1L << 24;

    private final BenchmarkConfig config;
    private final EdgeConfig edge;
    private final Dataset dataset;
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    /** wrk's post numbers: each run its own range, above the Java driver's. */
    private final AtomicLong wrkPosts = new AtomicLong(1L << 32);

    HttpEdgeWorkload(BenchmarkConfig config, EdgeConfig edge, Dataset dataset) {
        this.config = config;
        this.edge = edge;
        this.dataset = dataset;
    }

    /** Starts the application on {@code db}, measures posting and history through both doors, stops it. */
    List<Result> run(BenchmarkDatabase db) {
        try (EdgeServer server = EdgeServer.start(db.pool("edge", 12), edge.server(), Map.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ExecutorService javaReaders = Executors.newFixedThreadPool(edge.httpConnections());
            try {
                List<Result> results = new ArrayList<>();
                db.refreshStatistics();
                results.addAll(post(db, server, http));
                db.refreshStatistics();
                results.addAll(history(db, server, http, javaReaders));
                return results;
            } finally {
                javaReaders.shutdown();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP edge failed on " + db.name(), e);
        }
    }

    // --- posting ---------------------------------------------------------------------------------------------

    /**
     * Posting through both doors, and the edge's floor: the same requests, credentials and bodies sent to an
     * endpoint behind the same filter chain and argument resolution that posts nothing. The floor bounds what any
     * posting path behind this stack can reach: HTTP/Java API is at most floor / (floor + Java API).
     */
    private List<Result> post(BenchmarkDatabase db, EdgeServer server, HttpClient http) throws Exception {
        int connections = edge.httpConnections();
        boolean wrk = edge.wrk();
        Map<String, Poster> sides = new LinkedHashMap<>();
        if (wrk) {
            // One post first, answer checked: a cold server's first answer (its lazy initialisation) would otherwise
            // eat a whole warm-up run, and a wrong status would only be counted, not seen.
            httpPost(server, http, false);
            httpPost(server, http, true);
            WrkPoster poster = WrkPoster.to(server, dataset, connections, false);
            WrkPoster floor = WrkPoster.to(server, dataset, connections, true);
            sides.put(HTTP, seconds -> poster.run(seconds, wrkPosts.getAndAdd(WRK_POSTS_PER_RUN)));
            sides.put(FLOOR, seconds -> floor.run(seconds, wrkPosts.getAndAdd(WRK_POSTS_PER_RUN)));
        } else {
            sides.put(HTTP, seconds -> closedLoop(seconds, () -> httpPost(server, http, false)));
            sides.put(FLOOR, seconds -> closedLoop(seconds, () -> httpPost(server, http, true)));
        }
        sides.put(JAVA, seconds -> closedLoop(seconds, () -> javaPost(server.messaging())));
        for (Poster side : sides.values()) {
            warmUp(side);
        }
        Figures figures = new Figures();
        for (int round = 0; round < config.rounds(); round++) {
            for (Map.Entry<String, Poster> side : rotate(sides, round)) {
                HeapMonitor heap = new HeapMonitor();
                Run run = side.getValue().run(edge.httpPostSeconds());
                if (run.ops() == 0) {
                    throw new IllegalStateException(side.getKey() + " posted nothing in " + edge.httpPostSeconds()
                            + " s on " + db.name());
                }
                figures.add(side.getKey(), run.perSecond(), heap.growthMb());
            }
        }
        String driver = connections + " connections, " + (wrk ? "wrk" : "Java HttpClient");
        String workload = "post over HTTP, " + driver;
        figures.log(db, workload);
        return List.of(figures.result(workload, "msg/s", true,
                        new Result.Target(RATIO_AT_LEAST, 0.5, "HTTP/Java API >= 0.5")),
                figures.result(FLOOR, "HTTP floor, " + driver, "req/s", true,
                        Result.Target.reference("bounds HTTP posting")));
    }

    /**
     * Posts through {@code side} until the JIT has settled: at least {@code bench.warmUpMillis} of posting and at
     * least {@code bench.httpWarmUpPosts} posts, so the server's whole path (Tomcat, security, MVC, JSON) is compiled
     * before a round is timed, as the Java API's path is.
     */
    private void warmUp(Poster side) throws Exception {
        long until = System.nanoTime() + config.warmUpMillis() * 1_000_000L;
        long posted = 0;
        do {
            posted += side.run(edge.httpPostSeconds()).ops();
        } while (System.nanoTime() < until || posted < edge.httpWarmUpPosts());
    }

    /** One post over HTTP, or the same request to the edge's floor; its answer checked. */
    private void httpPost(EdgeServer server, HttpClient http, boolean floor) throws Exception {
        int n = posts.getAndIncrement();
        long conversation = dataset.postConversation(n * 7);
        String path = floor ? EdgeServer.FLOOR_PATH
                : "/conversations/" + Dataset.conversationId(conversation) + "/messages";
        HttpRequest request = authorised(server.uri(path), Dataset.user(conversation))
                .header("Content-Type", "application/json")
                // Basic credentials are ambient: a write sends the double-submit CSRF token, as a browser's script does
                .header("Cookie", "XSRF-TOKEN=" + EdgeServer.CSRF_TOKEN)
                .header("X-XSRF-TOKEN", EdgeServer.CSRF_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Post " + n + " over HTTP\"}"))
                .build();
        expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 201);
    }

    private void javaPost(Messaging messaging) {
        int n = posts.getAndIncrement();
        long conversation = dataset.postConversation(n * 7);
        messaging.messages().post(Actor.clientUser(Dataset.user(conversation)),
                new ConversationId(Dataset.conversationId(conversation)), NewMessage.text("Post " + n + " in Java"));
    }

    // --- history ---------------------------------------------------------------------------------------------

    private List<Result> history(BenchmarkDatabase db, EdgeServer server, HttpClient http,
                                 ExecutorService javaReaders) throws Exception {
        Map<String, IntFunction<CompletableFuture<?>>> sides = new LinkedHashMap<>();
        sides.put(HTTP, k -> httpHistory(server, http));
        sides.put(JAVA, k -> CompletableFuture.runAsync(() -> javaHistory(server.messaging()), javaReaders));
        for (IntFunction<CompletableFuture<?>> side : sides.values()) {
            warmUp(Math.min(edge.httpRequests(), 1_000), k -> side.apply(k).get());
        }
        Figures p99 = new Figures();
        Figures p50 = new Figures();
        for (int round = 0; round < config.rounds(); round++) {
            for (Map.Entry<String, IntFunction<CompletableFuture<?>>> side : rotate(sides, round)) {
                HeapMonitor heap = new HeapMonitor();
                double[] latencies = paced(edge.httpRequests(), edge.httpRate(), side.getValue());
                double heapMb = heap.growthMb();
                p99.add(side.getKey(), Benchmark.percentile(latencies, 0.99), heapMb);
                p50.add(side.getKey(), Benchmark.percentile(latencies, 0.50), heapMb);
            }
        }
        String workload = "history over HTTP at " + edge.httpRate() + "/s, ";
        p99.log(db, workload + "p99");
        p50.log(db, workload + "p50");
        return List.of(
                p99.result(workload + "p99", "ms", false, new Result.Target(ABSOLUTE_AT_MOST, 10, "HTTP p99 < 10 ms")),
                p50.result(workload + "p50", "ms", false, new Result.Target(ABSOLUTE_AT_MOST, 10, "HTTP p50 < 10 ms")));
    }

    /** Alternately the newest page and a deep one, as readers open a conversation and scroll back. */
    private long before() {
        int n = reads.getAndIncrement();
        if (n % 2 == 0) {
            return Long.MAX_VALUE;
        }
        return 51 + (n * 97L) % Math.max(1, Math.min(1_000, config.historyMessages() - 51));
    }

    private CompletableFuture<?> httpHistory(EdgeServer server, HttpClient http) {
        long before = before();
        String query = "?limit=50" + (before == Long.MAX_VALUE ? "" : "&before=" + before);
        HttpRequest request = authorised(server.uri("/conversations/" + HISTORY.value() + "/messages" + query),
                HISTORY_READER).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            expect(response, 200);
            if (!response.body().startsWith("{\"items\":[{")) {
                throw new IllegalStateException("a history page expected, got " + abbreviate(response.body()));
            }
        });
    }

    private void javaHistory(Messaging messaging) {
        long before = before();
        HistoryQuery query = before == Long.MAX_VALUE ? HistoryQuery.latest(50) : HistoryQuery.before(before, 50);
        if (messaging.messages().history(Actor.clientUser(HISTORY_READER), HISTORY, query).items().size() != 50) {
            throw new IllegalStateException("a history page of 50 expected");
        }
    }

    // --- driving ---------------------------------------------------------------------------------------------

    /** Posts answered in a closed-loop run and how long it took. */
    record Run(long ops, long nanos) {

        double perSecond() {
            return ops / (nanos / 1e9);
        }
    }

    /** One side of the posting comparison: posts closed-loop for the given seconds. */
    @FunctionalInterface
    private interface Poster {
        Run run(int seconds) throws Exception;
    }

    @FunctionalInterface
    private interface Post {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface Call {
        void run(int k) throws Exception;
    }

    /** Runs {@code call} closed-loop until the JIT has settled: {@code ops} calls at least, warmUpMillis at least. */
    private void warmUp(int ops, Call call) throws Exception {
        long until = System.nanoTime() + config.warmUpMillis() * 1_000_000L;
        do {
            throughput(ops, call);
        } while (System.nanoTime() < until);
    }

    /** {@code ops} calls on {@code httpConnections} threads, each as soon as its last returned; calls per second. */
    private double throughput(int ops, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(edge.httpConnections());
        try {
            AtomicInteger left = new AtomicInteger(ops);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < edge.httpConnections(); t++) {
                futures.add(threads.submit(() -> {
                    int k;
                    while ((k = left.decrementAndGet()) >= 0) {
                        call.run(k);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return ops / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Posts on {@code httpConnections} threads for {@code seconds}, each sending its next call as soon as its last
     * returned (closed loop, as wrk drives its connections); the calls answered and the time until the last did.
     */
    private Run closedLoop(int seconds, Post call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(edge.httpConnections());
        try {
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < edge.httpConnections(); t++) {
                futures.add(threads.submit(() -> {
                    long calls = 0;
                    while (System.nanoTime() < deadline) {
                        call.run();
                        calls++;
                    }
                    return calls;
                }));
            }
            long calls = 0;
            for (Future<Long> future : futures) {
                calls += future.get();
            }
            return new Run(calls, System.nanoTime() - start);
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Starts call {@code k} at {@code start + k / rate} whether or not earlier ones have answered (open loop), and
     * returns each call's latency from its scheduled start, in ms.
     */
    private static double[] paced(int ops, int rate, IntFunction<CompletableFuture<?>> call) throws Exception {
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[ops];
        CountDownLatch done = new CountDownLatch(ops);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime() + interval;
        for (int k = 0; k < ops; k++) {
            long scheduled = start + k * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = k;
            call.apply(k).whenComplete((ignored, error) -> {
                latencies[index] = System.nanoTime() - scheduled;
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (ops - done.getCount()) + " of " + ops + " calls answered");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a paced call failed", failure.get());
        }
        double[] millis = new double[ops];
        for (int k = 0; k < ops; k++) {
            millis[k] = latencies[k] / 1e6;
        }
        return millis;
    }

    private static HttpRequest.Builder authorised(URI uri, String user) {
        return HttpRequest.newBuilder(uri).header("Authorization", EdgeServer.basic(user));
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + ": "
                    + status + " expected, got " + response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static <T> List<Map.Entry<String, T>> rotate(Map<String, T> sides, int round) {
        List<Map.Entry<String, T>> entries = new ArrayList<>(sides.entrySet());
        java.util.Collections.rotate(entries, -(round % entries.size()));
        return entries;
    }

    /** Each side's figure per round, and the HTTP side's heap growth. */
    private static final class Figures {
        private final Map<String, List<Double>> figures = new LinkedHashMap<>();
        private double httpHeapMb;

        void add(String side, double figure, double heapMb) {
            figures.computeIfAbsent(side, s -> new ArrayList<>()).add(figure);
            if (side.equals(HTTP)) {
                httpHeapMb = Math.max(httpHeapMb, heapMb);
            }
        }

        void log(BenchmarkDatabase db, String workload) {
            StringBuilder line = new StringBuilder(db.name() + ": " + workload);
            figures.forEach((side, values) -> line.append(" | ").append(side).append(' ').append(
                    values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()));
            Benchmark.log(line.toString());
        }

        Result result(String workload, String unit, boolean higherIsBetter, Result.Target target) {
            return result(HTTP, workload, unit, higherIsBetter, target);
        }

        /** A row of {@code side}'s figures against the Java API's. */
        Result result(String side, String workload, String unit, boolean higherIsBetter, Result.Target target) {
            return new Result(workload, unit, higherIsBetter, Benchmark.median(figures.get(side)),
                    Benchmark.median(figures.get(JAVA)), null, httpHeapMb, target);
        }
    }
}

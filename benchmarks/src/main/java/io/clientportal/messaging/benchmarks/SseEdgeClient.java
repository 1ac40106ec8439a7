package io.clientportal.messaging.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSE profile's client, in a process of its own so that its sockets and buffers count against neither the
 * server's heap nor its file descriptors. It opens {@code clients} event streams, client user {@code user-i} of
 * conversation {@code i} (from conversation 2 on) each, and {@code staff} streams of the owner, on Java's
 * {@link HttpClient} (asynchronous, a few threads for all streams, each stream's lines read by a
 * {@link Flow.Subscriber}), at most {@value #OPENING} opening at a time. Each message's text carries when it was
 * scheduled to be posted (epoch microseconds); every delivery's latency is taken from that, on the same clock.
 *
 * <p>Protocol on standard output: {@code HALF <open> <failed> <first failure>} once the first half of the streams
 * answered their {@code ready} event or failed; after a line on standard input, the same as {@code OPEN} once every
 * stream did; then, after {@code DONE <posts>} arrived on standard input, {@code RESULT
 * <received> <expected> <p50 ms> <p99 ms> <client p99 ms> <staff p99 ms>} once every delivery to the streams open
 * arrived (or 30 s passed).
 */
final class SseEdgeClient {

    /** Streams opening at once: no more than Tomcat's accept queue and worker pool take without refusing. */
    static final int OPENING = 200;
    private static final Pattern MARK = Pattern.compile("sse-(\\d+)-(\\d+)-");

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final ConcurrentHashMap<String, Boolean> failures = new ConcurrentHashMap<>();
    private final AtomicLongArray clientLatency;
    private final AtomicLongArray staffLatency;
    private final AtomicInteger clientReceived = new AtomicInteger();
    private final AtomicInteger staffReceived = new AtomicInteger();

    private SseEdgeClient(int maxPosts, int staff) {
        clientLatency = new AtomicLongArray(maxPosts);
        staffLatency = new AtomicLongArray(Math.max(1, maxPosts * staff));
    }

    /** Arguments: port, client streams, staff streams, the most posts to expect. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int staff = Integer.parseInt(args[2]);
        int maxPosts = Integer.parseInt(args[3]);
        new SseEdgeClient(maxPosts, staff).run(port, clients, staff);
        System.exit(0);
    }

    private void run(int port, int clients, int staff) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(30)).build();
        URI events = URI.create("http://127.0.0.1:" + port + EdgeServer.BASE_PATH + "/events");
        Semaphore opening = new Semaphore(OPENING);
        int total = clients + staff;
        Stream[] streams = new Stream[total];
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int i = 0; i < total; i++) {
            if (i == total / 2) {
                opening.acquire(OPENING);   // the first half is ready or failed: the server takes its measure
                opening.release(OPENING);
                report("HALF");
                in.readLine();
            }
            boolean isStaff = i >= clients;
            String user = isStaff ? Dataset.OWNER : Dataset.user(2 + i);
            opening.acquire();
            Stream stream = new Stream(isStaff, opening);
            streams[i] = stream;
            HttpRequest request = HttpRequest.newBuilder(events).header("Authorization", EdgeServer.basic(user))
                    .header("Accept", "text/event-stream").GET().build();
            http.sendAsync(request, info -> {
                if (info.statusCode() != 200) {
                    stream.fail("status " + info.statusCode());
                }
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
            }).whenComplete((r, e) -> stream.fail(e != null ? e.toString() : "stream ended"));
        }
        opening.acquire(OPENING);   // every stream is ready or failed
        report("OPEN");
        String line = in.readLine();
        int posts = Integer.parseInt(line.substring("DONE ".length()).trim());
        // Only the streams that opened (and are open still) get deliveries: post k goes to client stream k % clients.
        int expectedClient = 0;
        for (int k = 0; k < posts; k++) {
            expectedClient += streams[k % clients].isOpen() ? 1 : 0;
        }
        int openStaff = 0;
        for (int i = clients; i < total; i++) {
            openStaff += streams[i].isOpen() ? 1 : 0;
        }
        int expectedStaff = posts * openStaff;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((clientReceived.get() < expectedClient || staffReceived.get() < expectedStaff)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double[] client = millis(clientLatency, Math.min(clientReceived.get(), clientLatency.length()));
        double[] staffs = millis(staffLatency, Math.min(staffReceived.get(), staffLatency.length()));
        double[] all = new double[client.length + staffs.length];
        System.arraycopy(client, 0, all, 0, client.length);
        System.arraycopy(staffs, 0, all, client.length, staffs.length);
        StringBuilder bySecond = new StringBuilder("client stream latency, max per 200 posts (ms):");
        for (int k = 0; k < client.length; k += 200) {
            double max = 0;
            for (int j = k; j < Math.min(client.length, k + 200); j++) {
                max = Math.max(max, client[j]);
            }
            bySecond.append(' ').append(Math.round(max));
        }
        System.err.println(bySecond);
        System.out.println(String.format(Locale.ROOT, "RESULT %d %d %.3f %.3f %.3f %.3f",
                clientReceived.get() + staffReceived.get(), expectedClient + expectedStaff,
                Benchmark.percentile(all, 0.50), Benchmark.percentile(all, 0.99),
                Benchmark.percentile(client, 0.99), Benchmark.percentile(staffs, 0.99)));
        System.out.flush();
    }

    private void report(String what) {
        String firstFailure = failures.keySet().stream().findFirst().orElse("-").replace(' ', '_');
        System.out.println(what + " " + open.get() + " " + failed.get() + " " + firstFailure);
        System.out.flush();
    }

    private static double[] millis(AtomicLongArray micros, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = micros.get(k) / 1_000.0;
        }
        return count == 0 ? new double[] {Double.NaN} : values;
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** One event stream's lines: ready once, then the marked messages it delivers. */
    private final class Stream implements Flow.Subscriber<String> {

        private final boolean staff;
        private final Semaphore opening;
        private boolean ready;
        private boolean ended;

        Stream(boolean staff, Semaphore opening) {
            this.staff = staff;
            this.opening = opening;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                if (line.startsWith("event:") && line.contains("ready")) {
                    markReady();
                }
                return;
            }
            Matcher matcher = MARK.matcher(line);
            if (matcher.find()) {
                long latency = nowMicros() - Long.parseLong(matcher.group(2));
                if (staff) {
                    int slot = staffReceived.getAndIncrement();
                    if (slot < staffLatency.length()) {
                        staffLatency.set(slot, latency);
                    }
                } else {
                    int post = Integer.parseInt(matcher.group(1));
                    if (post < clientLatency.length()) {
                        clientLatency.set(post, latency);
                    }
                    clientReceived.incrementAndGet();
                }
            }
        }

        private synchronized void markReady() {
            if (!ready && !ended) {
                ready = true;
                open.incrementAndGet();
                opening.release();
            }
        }

        synchronized boolean isOpen() {
            return ready && !ended;
        }

        synchronized void fail(String reason) {
            if (ended) {
                return;
            }
            ended = true;
            if (ready) {
                open.decrementAndGet();
            } else {
                opening.release();
            }
            failed.incrementAndGet();
            failures.putIfAbsent(reason, Boolean.TRUE);
        }

        @Override
        public void onError(Throwable throwable) {
            fail(throwable.toString());
        }

        @Override
        public void onComplete() {
            fail("stream ended");
        }
    }
}

package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.clientportal.messaging.benchmarks.Result.Target.Kind.ABSOLUTE_AT_MOST;
import static io.clientportal.messaging.benchmarks.Result.Target.Kind.RATIO_AT_LEAST;

/**
 * The SSE edge (profile {@code sse}): {@code streams} event streams open on one server ({@link EdgeServer}, Tomcat
 * raised to take them), each client user in their own conversation and {@code staffStreams} of the owner, who sees
 * every conversation, opened by {@link SseEdgeClient} in a process of its own, while posts flow at {@code sseRate}
 * through the application's Java API (each post reaches its client's stream and every staff stream). Measures how
 * many streams opened, delivery latency from each post's scheduled time (p99), the server's live heap per open
 * stream (after a full collection, before and after opening) and the platform threads the open streams added.
 */
final class SseEdgeWorkload {

    /** Seconds of posts at the profile's rate before the measured ones (deliveries included, not timed). */
    private static final int WARM_UP_SECONDS = 5;

    private final EdgeConfig edge;

    SseEdgeWorkload(BenchmarkConfig config, EdgeConfig edge) {
        this.edge = edge;
        if (config.conversations() < edge.clientStreams() + 2) {
            throw new IllegalArgumentException("conversations must exceed the SSE profile's client streams + 1");
        }
    }

    /**
     * The server's configuration for this many streams: what README's "Running at scale" recommends. (Jetty takes its
     * response header buffer for each write and gives it back, so its size is no stream's to hold.)
     */
    private Map<String, Object> scale() {
        if (edge.jetty()) {
            return Map.of(
                    "server.jetty.max-connections", edge.streams() + 1_000,
                    "messaging.web.sse.socket-buffer-size", "1KB");
        }
        return Map.of(
                "server.tomcat.max-connections", edge.streams() + 1_000,
                "server.tomcat.accept-count", 1_000,
                "messaging.web.sse.socket-buffer-size", "1KB",
                "server.tomcat.max-http-response-header-size", "4KB");
    }

    List<Result> run(BenchmarkDatabase db) {
        Benchmark.log(db.name() + ": SSE edge on " + edge.server() + ", " + edge.streams()
                + " streams; file descriptors: " + descriptors());
        try (EdgeServer server = EdgeServer.start(db.pool("edge-sse", 12), edge.server(), scale())) {
            Messaging messaging = server.messaging();
            int posts = edge.sseRate() * edge.sseSeconds();
            Footprint before = Footprint.now();
            Process client = client(server.port(), posts);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
                 Writer in = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                // Per stream over the second half: the pools (Tomcat's workers, the delivery executor) and caches
                // grew to their size with the first half, so what the second half adds is what a stream holds.
                int half = Integer.parseInt(expect(out, "HALF").split(" ")[1]);
                Footprint halfway = Footprint.now();
                HeapHistogram.writeIfAsked("sse-" + db.name() + "-" + half + "-streams");
                in.write("GO\n");
                in.flush();
                String[] opened = expect(out, "OPEN").split(" ");
                int open = Integer.parseInt(opened[1]);
                Footprint all = Footprint.now();
                HeapHistogram.writeIfAsked("sse-" + db.name() + "-" + open + "-streams");
                int secondHalf = open - half;
                double kbPerStream = secondHalf <= 0 ? Double.NaN
                        : (all.heap() - halfway.heap()) / 1024.0 / secondHalf;
                double directKbPerStream = secondHalf <= 0 ? Double.NaN
                        : (all.direct() - halfway.direct()) / 1024.0 / secondHalf;
                double threadsPerStream = secondHalf <= 0 ? Double.NaN
                        : (double) (all.threads() - halfway.threads()) / secondHalf;
                Benchmark.log(String.format(Locale.ROOT, "%s: %d streams open, %s failed (first: %s); live heap %d,"
                                + " %d, %d MB with 0, %d, %d open (%.1f KB per stream); direct buffers %d, %d, %d KB"
                                + " (%.2f KB per stream); threads %d, %d, %d; %s",
                        db.name(), open, opened[2], opened[3], before.heap() >> 20, halfway.heap() >> 20,
                        all.heap() >> 20, half, open, kbPerStream, before.direct() >> 10, halfway.direct() >> 10,
                        all.direct() >> 10, directKbPerStream, before.threads(), halfway.threads(),
                        all.threads(), descriptors()));
                // The same flow, unmeasured, first: what is timed is the server as it runs, not its first posts,
                // which pay for class loading and compilation on both sides (seconds of 300 to 600 ms deliveries).
                post(messaging, edge.sseRate() * WARM_UP_SECONDS, "warm-up-");
                long posting = System.nanoTime();
                post(messaging, posts, "sse-");
                Benchmark.log(String.format(Locale.ROOT, "%s: %d posts in %.1f s (scheduled: %d s)", db.name(), posts,
                        (System.nanoTime() - posting) / 1e9, edge.sseSeconds()));
                in.write("DONE " + posts + "\n");
                in.flush();
                String[] result = expect(out, "RESULT").split(" ");
                Benchmark.log(db.name() + ": SSE deliveries received " + result[1] + " of " + result[2] + ", p50 "
                        + result[3] + " ms, p99 " + result[4] + " ms (client streams " + result[5] + ", staff "
                        + result[6] + ")");
                if (!result[1].equals(result[2])) {
                    throw new IllegalStateException("only " + result[1] + " of " + result[2] + " deliveries arrived");
                }
                String streams = edge.streams() + " streams";
                return List.of(
                        new Result("SSE streams open", "streams", true, open, (double) edge.streams(), null, 0,
                                new Result.Target(RATIO_AT_LEAST, 1.0, "all " + streams)),
                        new Result("SSE delivery p99, " + streams + ", " + edge.sseRate() + "/s", "ms", false,
                                Double.parseDouble(result[4]), null, null, 0,
                                new Result.Target(ABSOLUTE_AT_MOST, 100, "p99 < 100 ms")),
                        new Result("SSE live heap per open stream", "KB", false, kbPerStream, null, null,
                                (all.heap() - before.heap()) / (1024.0 * 1024.0),
                                new Result.Target(ABSOLUTE_AT_MOST, 20, "< 20 KB")),
                        new Result("SSE heap + direct buffers per open stream", "KB", false,
                                kbPerStream + directKbPerStream, null, null,
                                (all.heap() + all.direct() - before.heap() - before.direct()) / (1024.0 * 1024.0),
                                new Result.Target(ABSOLUTE_AT_MOST, 20, "< 20 KB")),
                        new Result("SSE threads added per open stream", "thread", false, threadsPerStream, null, null,
                                0, new Result.Target(ABSOLUTE_AT_MOST, 0.01, "< 0.01: none per stream")));
            } finally {
                client.destroy();
                client.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code posts} posts at {@code sseRate}, round the client conversations, each text carrying the post's number and
     * its scheduled time in epoch microseconds (the client's clock is the same machine's) after {@code mark}: the
     * client times the texts marked {@code sse-} and ignores the rest.
     */
    private void post(Messaging messaging, int posts, String mark) {
        long interval = 1_000_000_000L / edge.sseRate();
        long start = System.nanoTime() + interval;
        long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) + interval / 1_000;
        int clients = edge.clientStreams();
        for (int k = 0; k < posts; k++) {
            long wait = start + k * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long conversation = 2 + k % clients;
            messaging.messages().post(Actor.clientUser(Dataset.user(conversation)),
                    new ConversationId(Dataset.conversationId(conversation)),
                    NewMessage.text(mark + k + "-" + (startMicros + k * interval / 1_000) + "- is on its way"));
        }
    }

    private Process client(int port, int posts) throws IOException {
        // G1 with a short pause goal: the client is the measuring instrument, and its own collections (a serial
        // collector's young pauses were 110 to 400 ms over 10,000 connections) count into every latency it takes.
        List<String> command = new ArrayList<>(List.of(ChildJava.launcher(), "-Xmx1g", "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-cp", ChildJava.classPath(), SseEdgeClient.class.getName(),
                Integer.toString(port), Integer.toString(edge.clientStreams()), Integer.toString(edge.staffStreams()),
                Integer.toString(posts)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String expect(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix + " ")) {
                return line;
            }
        }
        throw new IllegalStateException("the SSE client ended before it said " + prefix);
    }

    private static String descriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount() + " open of " + unix.getMaxFileDescriptorCount();
        }
        return "unknown";
    }

    /**
     * The live heap (after full collections), the direct buffers' memory (outside the heap: a server's socket buffers
     * may be there, so a stream's bytes are counted wherever they are) and the number of live threads, now.
     */
    private record Footprint(long heap, long direct, int threads) {

        static Footprint now() {
            System.gc();
            System.gc();
            long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
            return new Footprint(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), direct,
                    ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }
}

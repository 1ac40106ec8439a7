package io.clientportal.messaging.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts through the edge with <a href="https://github.com/wg/wrk">wrk</a>, a load generator written in C: one
 * event-loop thread keeps {@code connections} HTTP/1.1 keep-alive connections busy, each sending its next post as
 * soon as its last is answered (closed loop, as the Java API's threads post). It costs the machine far less CPU per
 * request than Java's {@code HttpClient}, which on two cores competes with the server it measures. A Lua script
 * (written here) builds each request as {@link HttpEdgeWorkload}'s Java driver does: the conversation of post
 * {@code n}, its user's Basic credentials, the double-submit CSRF token, a JSON body; it prints wrk's summary in one
 * line that {@link #parse(String)} reads.
 */
final class WrkPoster {

    private static final Pattern SUMMARY = Pattern.compile("BENCH requests=(\\d+) duration_us=(\\d+) "
            + "connect=(\\d+) read=(\\d+) write=(\\d+) status=(\\d+) timeout=(\\d+)");

    private final Path script;
    private final String url;
    private final int connections;

    private WrkPoster(Path script, String url, int connections) {
        this.script = script;
        this.url = url;
        this.connections = connections;
    }

    /** Whether an executable {@code wrk} is on the {@code PATH}. */
    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A poster to {@code server}, its posts spread over the dataset's post conversations as the Java driver spreads
     * them ({@code n * 7}, see {@link Dataset#postConversation(int)}); with {@code floor}, the same requests to the
     * edge's floor ({@link EdgeServer#FLOOR_PATH}) instead of the conversations' messages.
     */
    static WrkPoster to(EdgeServer server, Dataset dataset, int connections, boolean floor) throws IOException {
        Path script = Files.createTempFile("bench-wrk-post", ".lua");
        script.toFile().deleteOnExit();
        Files.writeString(script, script(dataset.postConversations, floor));
        return new WrkPoster(script, "http://127.0.0.1:" + server.port() + "/", connections);
    }

    /** Posts for {@code seconds}, post numbers from {@code firstPost} on; the posts answered and the time taken. */
    HttpEdgeWorkload.Run run(int seconds, long firstPost) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), url, "--", Long.toString(firstPost))
                .redirectErrorStream(true);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "): " + output);
        }
        return parse(output);
    }

    /**
     * wrk's summary line: the requests answered and the time taken (none at all is possible: a cold server's first
     * answers can take longer than a warm-up run). Any failed request (a refused or broken
     * connection, a timeout, a status of 400 or above) fails the run: a figure of failed posts means nothing.
     */
    static HttpEdgeWorkload.Run parse(String output) {
        Matcher matcher = SUMMARY.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no summary in wrk's output: " + output);
        }
        long requests = Long.parseLong(matcher.group(1));
        long micros = Long.parseLong(matcher.group(2));
        List<String> kinds = List.of("connect", "read", "write", "status", "timeout");
        for (int k = 0; k < kinds.size(); k++) {
            long errors = Long.parseLong(matcher.group(3 + k));
            if (errors > 0) {
                throw new IllegalStateException("wrk saw " + errors + " " + kinds.get(k) + " errors: " + output);
            }
        }
        if (micros <= 0) {
            throw new IllegalStateException("wrk ran for no time: " + output);
        }
        return new HttpEdgeWorkload.Run(requests, micros * 1_000);
    }

    /** The Lua script: one request per post, the credentials of its conversation's user listed up front. */
    private static String script(int postConversations, boolean floor) {
        StringBuilder lua = new StringBuilder("local auths = {\n");
        for (int k = 0; k < postConversations; k++) {
            lua.append("  \"").append(EdgeServer.basic(Dataset.user(2L + k))).append("\",\n");
        }
        lua.append("}\n")
                .append("local conversations = ").append(postConversations).append('\n')
                .append("local base = \"").append(EdgeServer.BASE_PATH)
                .append("/conversations/00000000-0000-7000-8000-\"\n")
                .append("local csrf = \"").append(EdgeServer.CSRF_TOKEN).append("\"\n")
                .append("local floor = ").append(floor ? "\"" + EdgeServer.BASE_PATH + EdgeServer.FLOOR_PATH + "\""
                        : "nil").append('\n')
                .append("""
                        local n = 0
                        function init(args)
                          n = tonumber(args[1])
                        end
                        function request()
                          local k = (n * 7) % conversations
                          local body = '{"text":"Post ' .. n .. ' over HTTP"}'
                          n = n + 1
                          local path = floor or (base .. string.format("%012d", 2 + k) .. "/messages")
                          return wrk.format("POST", path, {
                            ["Authorization"] = auths[k + 1],
                            ["Content-Type"] = "application/json",
                            ["Cookie"] = "XSRF-TOKEN=" .. csrf,
                            ["X-XSRF-TOKEN"] = csrf
                          }, body)
                        end
                        function done(summary, latency, requests)
                          local e = summary.errors
                          io.write(string.format(
                            "BENCH requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d\\n",
                            summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout))
                        end
                        """);
        return lua.toString();
    }
}

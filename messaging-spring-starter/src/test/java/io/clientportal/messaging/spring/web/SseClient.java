package io.clientportal.messaging.spring.web;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A real server-sent-events client over {@link HttpClient}: parses events and comments as a browser would. */
final class SseClient implements AutoCloseable {

    /** One event of the stream. */
    record Event(String id, String type, JsonNode data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final StringBuffer raw = new StringBuffer();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile String readyId;
    private volatile int status;
    private volatile String contentType;
    private volatile InputStream body;

    private SseClient() {
    }

    static SseClient open(HttpClient client, HttpRequest request) {
        SseClient sse = new SseClient();
        Thread reader = new Thread(() -> sse.read(client, request), "sse-test-client");
        reader.setDaemon(true);
        reader.start();
        return sse;
    }

    private void read(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
            if (status != 200) {
                subscribed.countDown();
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                raw.append(line).append('\n');
                if (line.isEmpty()) {
                    if ("ready".equals(type)) {
                        readyId = id;
                        subscribed.countDown();
                    } else if (!data.isEmpty()) {
                        events.add(new Event(id, type, HttpCaller.JSON.readTree(data.toString())));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                    subscribed.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribed.countDown();
            ended.countDown();
        }
    }

    /** The id of the {@code ready} event the stream opened with: where the subscription started. */
    String readyId() {
        return readyId;
    }

    /** Waits until the server confirmed the subscription (its {@code ready} event) and returns this. */
    SseClient awaitSubscribed() throws InterruptedException {
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the event stream did not open");
        }
        return this;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Everything the stream carried so far, as the server sent it (line by line). */
    String raw() {
        return raw.toString();
    }

    List<String> comments() {
        return new ArrayList<>(comments);
    }

    /** Waits until at least {@code count} events have arrived that match {@code type} (null: any). */
    List<Event> awaitEvents(String type, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ofType(type).size() >= count);
        return ofType(type);
    }

    List<Event> ofType(String type) {
        return events.stream().filter(e -> type == null || type.equals(e.type())).toList();
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the connection, as a network failure would. */
    @Override
    public void close() {
        InputStream stream = body;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

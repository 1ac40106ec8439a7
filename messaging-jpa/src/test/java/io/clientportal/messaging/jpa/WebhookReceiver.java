package io.clientportal.messaging.jpa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real local HTTP receiver of webhooks that records every request and answers as the test says. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the status it was answered (0 if it was never answered). */
    record Received(String id, String timestamp, String signature, String body, int status) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Integer> answer = request -> 200;
    private final java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Requests that arrived so far, answered or not. */
    int arrivals() {
        return arrivals.get();
    }

    /**
     * How to answer: the status, or 0 to close the connection without an answer; it may block to play a receiver
     * that does not answer in time.
     */
    void answer(Function<Received, Integer> answer) {
        this.answer = answer;
    }

    List<Received> received() {
        return received;
    }

    /** The requests answered 2xx. */
    List<Received> accepted() {
        return received.stream().filter(r -> r.status() >= 200 && r.status() < 300).toList();
    }

    /** How many requests carried this webhook id so far (answered or not). */
    long attempts(String id) {
        return received.stream().filter(r -> r.id().equals(id)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, 0);
        int status;
        try {
            status = answer.apply(request);
        } catch (RuntimeException e) {
            status = 500;
        }
        received.add(new Received(request.id(), request.timestamp(), request.signature(), body, status));
        if (status <= 0) {
            exchange.close();
            return;
        }
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException ignored) {
            // the sender gave up waiting
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

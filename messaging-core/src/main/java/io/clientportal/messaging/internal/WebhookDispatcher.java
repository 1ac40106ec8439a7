package io.clientportal.messaging.internal;

import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.WebhookSignature;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import io.clientportal.messaging.spi.TraceHeaders;
import io.clientportal.messaging.spi.WebhookDeliveryRecord;
import io.clientportal.messaging.spi.WebhookDeliveryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends webhook deliveries: claims due ones from the store (a lease, so no other instance sends the same attempt
 * meanwhile), POSTs them signed, and records the outcome: done, retry later (exponential backoff with jitter), or
 * dead letter after the last attempt. Woken after local commits and when the relay hands on events; polls as the
 * fallback, which is also how deliveries whose lease ran out (an instance that died mid-send) are picked up.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int CLAIM = 16;
    private static final int MAX_ERROR_LENGTH = 500;

    private final WebhookDeliveryStore deliveries;
    private final Map<String, WebhookEndpoint> endpoints;
    private final WebhookPolicy policy;
    private final EventCodec codec;
    /** The engine's clock: deliveries are due by it, as they were stamped by it when their events committed. */
    private final Clock clock;
    private final Duration pollInterval;
    private final Instrumentation instrumentation;
    private final HttpClient http;
    private final ExecutorService senders;
    private final Thread thread;
    private final WakeSignal signal = new WakeSignal();
    private volatile boolean closed;

    WebhookDispatcher(WebhookDeliveryStore deliveries, List<WebhookEndpoint> endpoints, WebhookPolicy policy,
                      EventCodec codec, Duration pollInterval, Clock clock, Instrumentation instrumentation) {
        this.deliveries = deliveries;
        this.instrumentation = instrumentation;
        this.clock = clock;
        this.endpoints = endpoints.stream().collect(Collectors.toUnmodifiableMap(WebhookEndpoint::name,
                Function.identity()));
        this.policy = policy;
        this.codec = codec;
        this.pollInterval = pollInterval;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(4, runnable -> {
            Thread sender = new Thread(runnable, "messaging-webhook-sender-" + threads.incrementAndGet());
            sender.setDaemon(true);
            return sender;
        });
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.thread = new Thread(this::run, "messaging-webhook-dispatcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Looks for due deliveries now. */
    void wake() {
        signal.wake();
    }

    /** How long a claim keeps other instances off a delivery: the attempt's time-out, with room to record it. */
    private Duration lease() {
        return policy.timeout().multipliedBy(2).plusSeconds(1);
    }

    private void run() {
        while (!closed) {
            awaitWake();
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                if (!closed) {
                    log.warn("Webhook dispatch failed; will retry", e);
                }
            }
        }
    }

    private void awaitWake() {
        if (!closed && !signal.await(pollInterval.toMillis())) {
            closed = true;
        }
    }

    private void dispatchDue() {
        while (!closed) {
            Instant now = clock.instant();
            List<WebhookDeliveryRecord> claimed = deliveries.claimDue(now, now.plus(lease()), CLAIM);
            List<Future<?>> sent = new ArrayList<>(claimed.size());
            for (WebhookDeliveryRecord delivery : claimed) {
                sent.add(senders.submit(() -> send(delivery)));
            }
            for (Future<?> future : sent) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("Webhook send failed unexpectedly", e.getCause());
                }
            }
            if (claimed.size() < CLAIM) {
                return;
            }
        }
    }

    /** One attempt, observed: continues the trace of the write that produced the event. */
    private void send(WebhookDeliveryRecord delivery) {
        OngoingObservation observation = instrumentation.start(ObservedOperation.Kind.WEBHOOK_DELIVERY,
                delivery.tenantId(), Map.of(ObservedOperation.WEBHOOK_ENDPOINT,
                        EndpointNames.shown(delivery.endpoint())), delivery.trace());
        try {
            observation.tag(ObservedOperation.OUTCOME, attempt(delivery, observation));
        } catch (RuntimeException e) {
            Instrumentation.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** Sends and records the outcome; returns the outcome's tag. */
    private String attempt(WebhookDeliveryRecord delivery, OngoingObservation observation) {
        WebhookEndpoint endpoint = endpoints.get(delivery.endpoint());
        Answer answer;
        if (endpoint == null) {
            answer = new Answer(0, "no endpoint named " + delivery.endpoint() + " is configured");
        } else {
            TraceHeaders trace = observation.trace();
            answer = post(endpoint, delivery, trace != null ? trace : delivery.trace());
        }
        observation.tag(ObservedOperation.HTTP_STATUS, answer.status() == 0 ? "none" : Integer.toString(
                answer.status()));
        if (closed) {
            return "abandoned";   // the lease runs out and the delivery goes to whoever claims it next
        }
        String error = answer.error();
        int attempt = delivery.attempts();
        Instant now = clock.instant();
        if (error == null) {
            deliveries.delivered(delivery.id(), attempt);
            return "delivered";
        } else if (attempt >= policy.maxAttempts()) {
            log.warn("Webhook {} to {} gave up after {} attempts: {}", delivery.eventPosition(), delivery.endpoint(),
                    attempt, error);
            deliveries.deadLetter(delivery.id(), attempt, now, error);
            return "dead";
        }
        Duration backoff = policy.backoffAfter(attempt);
        long jittered = (long) (backoff.toMillis() * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()));
        log.debug("Webhook {} to {} attempt {} failed ({}); retrying in {} ms", delivery.eventPosition(),
                delivery.endpoint(), attempt, error, jittered);
        deliveries.retryLater(delivery.id(), attempt, now.plusMillis(jittered), error);
        return "retry";
    }

    /**
     * How an attempt went.
     *
     * @param status the HTTP status answered, 0 when there was no answer
     * @param error  why it failed, or {@code null} on a 2xx answer
     */
    private record Answer(int status, String error) {
    }

    /** Posts one attempt, with the trace context the request continues (none when {@code trace} is null). */
    private Answer post(WebhookEndpoint endpoint, WebhookDeliveryRecord delivery, TraceHeaders trace) {
        String id = Long.toString(delivery.eventPosition());
        String body = codec.webhookBody(delivery.eventType(), delivery.eventPosition(), delivery.tenantId(),
                delivery.payload(), delivery.createdAt());
        // Receivers check the timestamp against their own wall clock, so it is real time, whatever the engine's.
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
                .timeout(policy.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "clientportal-messaging-webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(endpoint.secret(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (trace != null) {
            request.header("traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                request.header("tracestate", trace.tracestate());
            }
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Answer(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        } catch (java.io.IOException | RuntimeException e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Answer(0, message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH)
                    : message);
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        senders.shutdownNow();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

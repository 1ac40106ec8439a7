package io.clientportal.messaging.testkit;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messages;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.WebhookSignature;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.TraceHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries kept by the store: at least once, signed, retried with the same id, then a dead letter that an
 * operator replays. Runs against a real HTTP receiver on the loopback interface.
 */
public abstract class WebhookContract extends Contract {

    private static final String SECRET = "contract secret";
    private static final WebhookPolicy FAST = WebhookPolicy.defaults().withMaxAttempts(3)
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(50)).withTimeout(Duration.ofSeconds(5));

    private HttpServer receiver;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    /**
     * An engine over the same store that sends webhooks to {@code endpoint}, observed by {@code observations}; the
     * caller closes it.
     */
    protected abstract Messaging nodeWithWebhook(WebhookEndpoint endpoint, WebhookPolicy policy,
                                                 MessagingObservations observations);

    private Messaging nodeWithWebhook(WebhookEndpoint endpoint, WebhookPolicy policy) {
        return nodeWithWebhook(endpoint, policy, MessagingObservations.NONE);
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body,
                    exchange.getRequestHeaders().getFirst("traceparent"),
                    exchange.getRequestHeaders().getFirst("tracestate")});
            exchange.sendResponseHeaders(failures.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aFailingReceiverGetsRetriesWithTheSameSignedId() {
        var w = world();
        String text = "webhook " + UUID.randomUUID();
        failures.set(2);
        try (Messaging node = nodeWithWebhook(endpoint(), FAST)) {
            node.tenant(w.messaging.tenantId()).messages()
                    .post(w.alice, w.acme, io.clientportal.messaging.model.NewMessage.text(text));

            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(text).size() == 3);
            List<String[]> attempts = attemptsFor(text);
            assertThat(attempts).extracting(a -> a[0]).containsOnly(attempts.get(0)[0]);
            for (String[] attempt : attempts) {
                assertThat(WebhookSignature.verify(SECRET, attempt[0], attempt[1], attempt[3], attempt[2])).isTrue();
            }
            assertThat(node.webhooks().deadLetters(null, 100)).isEmpty();
        }
    }

    @Test
    void aDeliveryThatKeepsFailingBecomesADeadLetterThatAReplaySends() {
        var w = world();
        String text = "dead letter " + UUID.randomUUID();
        failures.set(1_000);
        try (Messaging node = nodeWithWebhook(endpoint(), FAST)) {
            node.tenant(w.messaging.tenantId()).messages()
                    .post(w.alice, w.acme, io.clientportal.messaging.model.NewMessage.text(text));
            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(text).size() == 3
                    && !node.webhooks().deadLetters(null, 100).isEmpty());
            String id = attemptsFor(text).get(0)[0];
            var dead = node.webhooks().deadLetters(null, 100);
            assertThat(dead).hasSize(1);

            failures.set(0);
            assertThat(node.webhooks().replay(dead.get(0).id())).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(text).size() == 4);
            assertThat(attemptsFor(text).get(3)[0]).isEqualTo(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> node.webhooks().deadLetters(null, 100).isEmpty());
            assertThat(node.webhooks().replay(dead.get(0).id())).isFalse();
        }
    }

    @Test
    void aDeliveryStillPendingWhenItsMessageIsDeletedGoesOutWithoutTheText() {
        var w = world();
        String text = "pending secret " + UUID.randomUUID();
        failures.set(1_000);
        // Retries far enough apart that the delete surely lands between the first attempt and the next.
        WebhookPolicy slow = FAST.withMaxAttempts(5).withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (Messaging node = nodeWithWebhook(endpoint(), slow)) {
            Messages messages = node.tenant(w.messaging.tenantId()).messages();
            Message posted = messages.post(w.alice, w.acme, NewMessage.text(text));
            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(text).size() == 1);
            String id = attemptsFor(text).get(0)[0];

            messages.delete(w.alice, posted.id());
            failures.set(0);

            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsWithId(id).size() == 2);
            assertThat(attemptsWithId(id).get(1)[3]).doesNotContain(text).contains("\"deleted\":true");
        }
    }

    @Test
    void aDeadLetterReplayedAfterAnEditCarriesTheTextAsItNowReads() {
        var w = world();
        String text = "first words " + UUID.randomUUID();
        failures.set(1_000);
        try (Messaging node = nodeWithWebhook(endpoint(), FAST)) {
            Messages messages = node.tenant(w.messaging.tenantId()).messages();
            Message posted = messages.post(w.alice, w.acme, NewMessage.text(text));
            String id = awaitDeadLetter(node, text);

            messages.edit(w.alice, posted.id(), "better words");
            failures.set(0);
            assertThat(node.webhooks().replay(deadLetterOf(node, id))).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsWithId(id).size() == 4);
            assertThat(attemptsWithId(id).get(3)[3]).doesNotContain(text).contains("better words");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.webhooks().deadLetters(null, 100).isEmpty());
        }
    }

    @Test
    void aDeadLetterReplayedAfterItsMessageWasDeletedCarriesNoText() {
        var w = world();
        String text = "dead secret " + UUID.randomUUID();
        failures.set(1_000);
        try (Messaging node = nodeWithWebhook(endpoint(), FAST)) {
            Messages messages = node.tenant(w.messaging.tenantId()).messages();
            Message posted = messages.post(w.alice, w.acme, NewMessage.text(text));
            String id = awaitDeadLetter(node, text);

            messages.delete(w.alice, posted.id());
            failures.set(0);
            assertThat(node.webhooks().replay(deadLetterOf(node, id))).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsWithId(id).size() == 4);
            assertThat(attemptsWithId(id).get(3)[3]).doesNotContain(text).contains("\"deleted\":true");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.webhooks().deadLetters(null, 100).isEmpty());
        }
    }

    @Test
    void deletingTheClientAccountDropsItsConversationsUndeliveredDeliveries() {
        var w = world();
        String text = "account secret " + UUID.randomUUID();
        failures.set(1_000);
        try (Messaging node = nodeWithWebhook(endpoint(), FAST)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.alice, w.acme, NewMessage.text(text));
            String id = awaitDeadLetter(node, text);

            tenant.directory().deleteClientAccount("acme");

            assertThat(node.webhooks().deadLetters(null, 100)).noneMatch(d -> d.eventId().equals(id));
        }
    }

    @Test
    void everyAttemptCarriesTheTraceContextOfTheWriteThatProducedTheEvent() {
        var w = world();
        String text = "traced " + UUID.randomUUID();
        TraceHeaders trace = new TraceHeaders("00-" + hex(32) + "-" + hex(16) + "-01", "vendor=" + hex(8));
        ThreadLocal<TraceHeaders> current = new ThreadLocal<>();
        MessagingObservations tracing = new MessagingObservations() {
            @Override
            public TraceHeaders currentTrace() {
                return current.get();
            }
        };
        failures.set(1);
        try (Messaging node = nodeWithWebhook(endpoint(), FAST, tracing)) {
            Messages messages = node.tenant(w.messaging.tenantId()).messages();
            current.set(trace);
            try {
                messages.post(w.alice, w.acme, NewMessage.text(text));
            } finally {
                current.remove();
            }
            // The first attempt fails: the retry was read back from the store, so the context was kept with it.
            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(text).size() == 2);
            assertThat(attemptsFor(text)).allSatisfy(attempt -> {
                assertThat(attempt[4]).isEqualTo(trace.traceparent());
                assertThat(attempt[5]).isEqualTo(trace.tracestate());
            });

            String untraced = "untraced " + UUID.randomUUID();
            messages.post(w.alice, w.acme, NewMessage.text(untraced));
            await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(untraced).size() == 1);
            assertThat(attemptsFor(untraced).get(0)[4]).isNull();
        }
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
    }

    /** Waits until the delivery of the event carrying {@code text} gave up; returns the event's id. */
    private String awaitDeadLetter(Messaging node, String text) {
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsFor(text).size() == 3
                && node.webhooks().deadLetters(null, 100).stream()
                .anyMatch(d -> d.eventId().equals(attemptsFor(text).get(0)[0])));
        return attemptsFor(text).get(0)[0];
    }

    private static String deadLetterOf(Messaging node, String eventId) {
        return node.webhooks().deadLetters(null, 100).stream().filter(d -> d.eventId().equals(eventId))
                .findFirst().orElseThrow().id();
    }

    private List<String[]> attemptsWithId(String id) {
        return received.stream().filter(r -> id.equals(r[0])).toList();
    }

    private WebhookEndpoint endpoint() {
        return WebhookEndpoint.of("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET)
                .forEvents("MessagePosted");
    }

    private List<String[]> attemptsFor(String text) {
        return received.stream().filter(r -> r[3].contains(text)).toList();
    }
}

package io.clientportal.messaging.testkit;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.WebhookSignature;
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

    /** An engine over the same store that sends webhooks to {@code endpoint}; the caller closes it. */
    protected abstract Messaging nodeWithWebhook(WebhookEndpoint endpoint, WebhookPolicy policy);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body});
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

    private WebhookEndpoint endpoint() {
        return WebhookEndpoint.of("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET)
                .forEvents("MessagePosted");
    }

    private List<String[]> attemptsFor(String text) {
        return received.stream().filter(r -> r[3].contains(text)).toList();
    }
}

package io.clientportal.messaging;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Webhooks over the in-memory store, and the signature scheme receivers verify. */
class WebhookTests {

    private HttpServer server;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body});
            exchange.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void signaturesFollowStandardWebhooks() {
        // The test vector of the Standard Webhooks reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        String body = "{\"test\": 2432232314}";
        String signature = WebhookSignature.sign(secret, id, 1614265330L, body);
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        Instant then = Instant.ofEpochSecond(1614265330L);
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
        assertThat(WebhookSignature.verify(secret, id, "1614265330", body, "v1,bogus " + signature, tolerance, then))
                .isTrue();
        assertThat(WebhookSignature.verify(secret, id, "1614265330", body + " ", signature, tolerance, then)).isFalse();
        assertThat(WebhookSignature.verify(secret, "msg_other", "1614265330", body, signature, tolerance, then))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, id, "1614265330", body, signature, tolerance,
                then.plus(Duration.ofMinutes(6)))).isFalse();
        assertThat(WebhookSignature.verify(secret, id, "not a time", body, signature)).isFalse();
        assertThat(WebhookSignature.verify(secret, id, "1614265330", body, null)).isFalse();
        // The last character before the padding carries two spare bits: "1OF=" decodes to the same bytes as "1OE=",
        // and a verifier that compared decoded bytes took it (and three more) for the genuine signature.
        String stem = signature.substring(0, signature.length() - 2);
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
            String altered = stem + c + "=";
            assertThat(WebhookSignature.verify(secret, id, "1614265330", body, altered, tolerance, then))
                    .as(altered).isEqualTo(altered.equals(signature));
        }
    }

    @Test
    void committedEventsArePostedSignedAndRetriedWithTheSameId() {
        failFirst.set(2);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        try (Messaging messaging = Messaging.builder()
                .webhook(WebhookEndpoint.of(url, "plain secret").forEvents("MessagePosted"))
                .webhookPolicy(WebhookPolicy.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(50)))
                .build()) {
            messaging.directory().upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
            ConversationId id = messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL).id();
            messaging.messages().post(Actor.teamMember("olivia"), id, NewMessage.text("hi"));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
            assertThat(received).extracting(r -> r[0]).containsOnly(received.get(0)[0]);
            for (String[] r : received) {
                assertThat(WebhookSignature.verify("plain secret", r[0], r[1], r[3], r[2])).isTrue();
                assertThat(r[3]).startsWith("{\"type\":\"MessagePosted\"");
            }
            assertThat(messaging.webhooks().deadLetters(null, 10)).isEmpty();
        }
    }

    @Test
    void endpointsAreCheckedWhenConfigured() {
        assertThatThrownBy(() -> WebhookEndpoint.of("ftp://example.com/hook", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Messaging.builder().webhook(WebhookEndpoint.of("http://a/hook", "s"))
                .webhook(WebhookEndpoint.of("http://a/hook", "t"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(WebhookEndpoint.of("http://a/hook", "secret").toString()).doesNotContain("secret]");
    }
}

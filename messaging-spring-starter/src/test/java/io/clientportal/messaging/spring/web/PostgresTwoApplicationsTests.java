package io.clientportal.messaging.spring.web;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.WebhookSignature;
import io.clientportal.messaging.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one Spring application, on different ports, sharing one PostgreSQL: a message posted through
 * one reaches an event stream opened on the other, a client resumes on either with its last event id, each
 * instance's health reports its relay lag, and the webhook of an event is sent once by the two together. The relays
 * poll only every 10 seconds, so what arrives sooner was carried by LISTEN/NOTIFY.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTwoApplicationsTests {

    private static final String SECRET = "a secret both instances share";

    private HttpServer receiver;
    private final List<String[]> webhooks = new CopyOnWriteArrayList<>();
    private ConfigurableApplicationContext appA;
    private ConfigurableApplicationContext appB;
    private String baseA;
    private String baseB;

    @BeforeAll
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            webhooks.add(new String[]{exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        TestPostgres.Schema database = TestPostgres.freshSchema("starter_test_");
        appA = start(database);
        appB = start(database);
        baseA = "http://localhost:" + appA.getEnvironment().getProperty("local.server.port");
        baseB = "http://localhost:" + appB.getEnvironment().getProperty("local.server.port");
        assertThat(baseA).isNotEqualTo(baseB);

        Messaging messaging = appA.getBean(Messaging.class);
        TestNodes.seed(messaging);
    }

    private ConfigurableApplicationContext start(TestPostgres.Schema database) {
        return TestNodes.start(database,
                "messaging.events.poll-interval=10s",
                "messaging.webhooks[0].url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "messaging.webhooks[0].secret=" + SECRET,
                "messaging.webhooks[0].events=MessagePosted",
                "messaging.attachments.storage-path=target/two-apps-attachments",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always");
    }

    @AfterAll
    void stop() {
        if (appA != null) {
            appA.close();
        }
        if (appB != null) {
            appB.close();
        }
        receiver.stop(0);
    }

    @Test
    void aPostOnOneInstanceReachesAStreamOnTheOtherAndAClientResumesOnEither() throws Exception {
        HttpCaller ownerOnB = new HttpCaller(baseB + "/api/messaging", "olivia");
        HttpCaller cathyOnA = new HttpCaller(baseA + "/api/messaging", "cathy");
        String conversation = cathyOnA.get("/clients/acme/conversation").json().get("id").asString();

        String lastId;
        try (SseClient stream = ownerOnB.events(null).awaitSubscribed()) {
            assertThat(cathyOnA.post("/conversations/" + conversation + "/messages", "{\"text\":\"one\"}").status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.ofType("MessagePosted").size() == 1);
            SseClient.Event event = stream.ofType("MessagePosted").get(0);
            assertThat(event.data().get("message").get("text").asString()).isEqualTo("one");
            lastId = event.id();
        }

        // Missed while disconnected, posted on both instances; resumed on A with the id B sent.
        cathyOnA.post("/conversations/" + conversation + "/messages", "{\"text\":\"two\"}");
        new HttpCaller(baseB + "/api/messaging", "cathy")
                .post("/conversations/" + conversation + "/messages", "{\"text\":\"three\"}");
        HttpCaller ownerOnA = new HttpCaller(baseA + "/api/messaging", "olivia");
        try (SseClient resumed = ownerOnA.events(lastId).awaitSubscribed()) {
            List<SseClient.Event> missed = resumed.awaitEvents("MessagePosted", 2);
            assertThat(missed).extracting(e -> e.data().get("message").get("text").asString())
                    .containsExactly("two", "three");
        }

        // Each instance's health reports its relay, caught up.
        for (String base : List.of(baseA, baseB)) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode health = new HttpCaller(base, "olivia").get("/actuator/health").json()
                        .get("components").get("messaging").get("details");
                assertThat(health.get("relay").asString()).isEqualTo("idle");
                assertThat(health.get("relayBehind").asLong()).isZero();
                assertThat(health.get("relayLagMillis").asLong()).isZero();
            });
        }

        // The two instances sent each event's webhook once between them, signed.
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.size() >= 3);
        assertThat(webhooks).extracting(w -> w[0]).doesNotHaveDuplicates().hasSize(3);
        for (String[] webhook : webhooks) {
            assertThat(WebhookSignature.verify(SECRET, webhook[0], webhook[1], webhook[3], webhook[2])).isTrue();
        }
    }
}

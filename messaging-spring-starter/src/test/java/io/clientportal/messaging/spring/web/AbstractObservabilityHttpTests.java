package io.clientportal.messaging.spring.web;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observability of a host that traces (Micrometer Tracing over Brave, W3C propagation) over the JPA store: a
 * webhook continues the trace of the request that posted its message, the engine's observations become the host's
 * timers, and {@code /actuator/messaging} reports the relay, the backlogs and this node's counters, secured like
 * the rest of Actuator.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "management.endpoints.web.exposure.include=health,messaging",
                "management.endpoint.health.show-details=always",
                "management.tracing.sampling.probability=1.0",
                "messaging.webhook-delivery.max-attempts=1"})
abstract class AbstractObservabilityHttpTests {

    static final String SECRET = "observability-signing-secret";

    /** One webhook request: its body and trace headers. */
    record Received(String body, String traceparent, String tracestate) {
    }

    private static HttpServer receiver;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    MeterRegistry meters;

    Portal portal;

    @DynamicPropertySource
    static void receiverAndAttachments(DynamicPropertyRegistry registry) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(body, exchange.getRequestHeaders().getFirst("traceparent"),
                    exchange.getRequestHeaders().getFirst("tracestate")));
            exchange.sendResponseHeaders(body.contains("fail-me") ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        // A list binds from one property source: every entry's properties are here.
        registry.add("messaging.webhooks[0].url", () -> url);
        registry.add("messaging.webhooks[0].name", () -> "crm");
        registry.add("messaging.webhooks[0].secret", () -> SECRET);
        registry.add("messaging.webhooks[0].events", () -> "MessagePosted");
        String directory = Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void setUp() {
        portal = new Portal(messaging);
    }

    private HttpCaller as(Who who) {
        return new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(who));
    }

    private HttpCaller actuator(Who who) {
        return new HttpCaller("http://localhost:" + port + "/actuator", who == null ? null : portal.id(who));
    }

    @Test
    void aWebhookContinuesTheTraceOfTheRequestThatPostedItsMessage() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String text = "traced " + UUID.randomUUID();
        Answer posted = as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/messages",
                "{\"text\":\"" + text + "\"}", Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

        Received webhook = await().until(() -> received(text), found -> found != null);
        assertThat(webhook.traceparent()).as("the webhook's traceparent").isNotNull()
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        // The delivery's own span, a descendant of the caller's.
        assertThat(webhook.traceparent().split("-")[2]).isNotEqualTo(callerSpan);
    }

    @Test
    void aPostWithoutATraceStartsOneThatItsWebhookCarries() {
        String text = "untraced " + UUID.randomUUID();
        assertThat(as(Who.OWNER).post(portal.conversationPath() + "/messages", "{\"text\":\"" + text + "\"}")
                .status()).isEqualTo(201);
        Received webhook = await().until(() -> received(text), found -> found != null);
        assertThat(webhook.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void theEnginesObservationsAreTheHostsTimers() {
        String text = "timed " + UUID.randomUUID();
        assertThat(as(Who.OWNER).post(portal.conversationPath() + "/messages", "{\"text\":\"" + text + "\"}")
                .status()).isEqualTo(201);
        assertThat(as(Who.AGENT_READ_ONLY).post(portal.conversationPath() + "/messages", "{\"text\":\"no\"}")
                .status()).isEqualTo(403);
        as(Who.OWNER).get(portal.conversationPath() + "/messages");

        Timer posts = meters.get("messaging.message.post").tag("outcome", "success").tag("actor.kind", "team")
                .tag("store", "JpaMessagingStore").tag("error", "none").timer();
        assertThat(posts.count()).isPositive();
        assertThat(meters.get("messaging.message.post").tag("outcome", "denied")
                .tag("error", "AccessDeniedException").timer().count()).isPositive();
        assertThat(meters.get("messaging.message.history").tag("outcome", "success").timer().count()).isPositive();
        await().untilAsserted(() -> {
            assertThat(meters.get("messaging.event.relay").timer().count()).isPositive();
            assertThat(meters.get("messaging.webhook.delivery").tag("webhook.endpoint", "crm")
                    .tag("http.status", "204").tag("outcome", "delivered").timer().count()).isPositive();
        });
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .allSatisfy(tag -> assertThat(tag.getValue()).doesNotContain(text)
                        .doesNotContain(portal.conversation.id().toString())));
    }

    @Test
    void theMessagingEndpointReportsTheRelayTheBacklogsAndThisNodesCounts() {
        String text = "fail-me " + UUID.randomUUID();
        assertThat(as(Who.OWNER).post(portal.conversationPath() + "/messages", "{\"text\":\"" + text + "\"}")
                .status()).isEqualTo(201);
        await().until(() -> received(text) != null);

        JsonNode report = await().until(() -> actuator(Who.OWNER).get("/messaging").json(), body ->
                "idle".equals(body.get("relay").get("state").asString())
                        && endpoint(body, "crm") != null && endpoint(body, "crm").get("deadLetters").asLong() >= 1);
        JsonNode relay = report.get("relay");
        assertThat(relay.get("position").asLong()).isEqualTo(relay.get("logEnd").asLong()).isPositive();
        assertThat(relay.get("behind").asLong()).isZero();
        assertThat(relay.get("lagMillis").asLong()).isZero();
        assertThat(report.get("announcements").get("pending").asLong()).isNotNegative();
        assertThat(report.get("webhooks").get("deadLetters").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("node").get("teamPosts").asLong()).isPositive();

        String body = actuator(Who.OWNER).get("/messaging").body();
        assertThat(body).doesNotContain(text).doesNotContain(SECRET).doesNotContain("/hook")
                .doesNotContain(portal.conversation.id().toString());
    }

    @Test
    void theMessagingEndpointIsSecuredLikeActuator() {
        assertThat(actuator(null).get("/messaging").status()).isEqualTo(401);
        assertThat(actuator(Who.CLIENT_OF_ACCOUNT).get("/messaging").status()).isEqualTo(200);
    }

    @Test
    void healthTellsTheRelayIsIdleOnceCaughtUp() {
        await().untilAsserted(() -> {
            JsonNode health = actuator(Who.OWNER).get("/health").json().get("components").get("messaging");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("details").get("relay").asString()).isEqualTo("idle");
            assertThat(health.get("details").get("relayBehind").asLong()).isZero();
        });
    }

    private static JsonNode endpoint(JsonNode report, String name) {
        for (JsonNode endpoint : report.get("webhooks").get("endpoints")) {
            if (endpoint.get("name").asString().equals(name)) {
                return endpoint;
            }
        }
        return null;
    }

    private static Received received(String text) {
        return RECEIVED.stream().filter(r -> r.body().contains(text)).findFirst().orElse(null);
    }
}

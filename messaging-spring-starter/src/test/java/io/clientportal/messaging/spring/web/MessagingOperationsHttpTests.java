package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.MessagingStatus;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Running the API in production: rate limits, metrics and the health indicator, over a real server. */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.rate-limit.posts=3",
                "messaging.web.rate-limit.uploads=1",
                "messaging.web.rate-limit.period=1h",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class MessagingOperationsHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    MeterRegistry meters;

    Portal portal;

    @DynamicPropertySource
    static void attachmentDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @BeforeEach
    void setUp() {
        portal = new Portal(messaging);
    }

    private HttpCaller as(Who who) {
        return new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(who));
    }

    @Test
    void postsAndUploadsBeyondTheActorsAllowanceAreA429WithRetryAfter() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        String messages = portal.conversationPath() + "/messages";
        for (int i = 0; i < 3; i++) {
            assertThat(cathy.post(messages, "{\"text\":\"hello " + i + "\"}").status()).isEqualTo(201);
        }
        Answer limited = cathy.post(messages, "{\"text\":\"one too many\"}");
        AbstractMessagingHttpTests.assertProblem(limited, 429, null);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();

        // The allowance is per actor: someone else may still post.
        assertThat(as(Who.AGENT_WRITE).post(messages, "{\"text\":\"hi\"}").status()).isEqualTo(201);

        assertThat(cathy.upload("a.png", "image/png", AbstractMessagingHttpTests.PNG).status()).isEqualTo(201);
        Answer upload = cathy.upload("b.png", "image/png", AbstractMessagingHttpTests.PNG);
        AbstractMessagingHttpTests.assertProblem(upload, 429, null);
        assertThat(upload.header("Retry-After")).isNotBlank();

        assertThat(meters.get("messaging.web.rejected").tag("status", "429").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void metricsCountPostsAndAnnouncementDeliveries() {
        double before = meters.get("messaging.messages.posted").tag("author", "team").counter().count();
        assertThat(as(Who.OWNER).post(portal.conversationPath() + "/messages", "{\"text\":\"hi\"}").status())
                .isEqualTo(201);
        assertThat(as(Who.OWNER).post("/announcements", "{\"audience\":{\"clientAccountIds\":[\""
                + portal.account + "\"]},\"text\":\"news\"}").status()).isEqualTo(202);
        await().untilAsserted(() -> {
            assertThat(meters.get("messaging.messages.posted").tag("author", "team").counter().count())
                    .isEqualTo(before + 1);
            assertThat(meters.get("messaging.announcements.deliveries").counter().count()).isPositive();
            assertThat(meters.get("messaging.events.lag").timer().count()).isPositive();
        });
    }

    @Test
    void theHealthEndpointReportsTheStoreAndTheRelay() {
        // Setting up the portal wrote events: until the relay has handed them on it is busy, and health says so.
        await().until(() -> {
            MessagingStatus.Relay relay = messaging.status().relay();
            return relay.position() >= relay.logEnd();
        });
        Answer health = new HttpCaller("http://localhost:" + port, portal.id(Who.OWNER)).get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        JsonNode messagingHealth = health.json().get("components").get("messaging");
        assertThat(messagingHealth.get("status").asString()).isEqualTo("UP");
        assertThat(messagingHealth.get("details").get("store").asString()).isEqualTo("available");
        assertThat(messagingHealth.get("details").get("relay").asString()).isEqualTo("idle");
        assertThat(messagingHealth.get("details").get("relayLagMillis").asLong()).isNotNegative();
        assertThat(messagingHealth.get("details").get("relayLag").asString()).startsWith("PT");
    }
}

package io.clientportal.messaging.spring.web;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Internal notes over HTTP, as a client and the team meet them: a client's every answer (history, inbox, me, the
 * conversation, its events, a note's attachment) shows no trace of a note; the team sees notes with
 * {@code internal: true}; a webhook (the host's) gets them marked internal.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.sse.heartbeat-interval=300ms",
                "messaging.events.poll-interval=200ms",
                "messaging.webhook-delivery.max-attempts=1",
                "logging.level.io.clientportal=INFO"})
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class NotesHttpTests {

    private static final String SECRET_TEXT = "the client is late paying";
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    Portal portal;

    @DynamicPropertySource
    static void receiverAndAttachments(DynamicPropertyRegistry registry) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        registry.add("messaging.webhooks[0].url", () -> url);
        registry.add("messaging.webhooks[0].name", () -> "crm");
        registry.add("messaging.webhooks[0].secret", () -> "notes-signing-secret");
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

    private String messages() {
        return portal.conversationPath() + "/messages";
    }

    private Answer post(Who who, Map<String, Object> body) {
        return as(who).post(messages(), HttpCaller.JSON.writeValueAsString(body));
    }

    private JsonNode note(Who who, String text) {
        Answer answer = post(who, Map.of("text", text, "internal", true));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    /** Everything a client's page reads about its conversation, as the raw bodies. */
    private List<String> clientBodies() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        List<String> bodies = new ArrayList<>();
        for (String path : List.of(messages(), "/conversations", "/me", portal.conversationPath(),
                "/clients/" + portal.account + "/conversation")) {
            Answer answer = cathy.get(path);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            bodies.add(answer.body());
        }
        return bodies;
    }

    @Test
    void aClientsAnswersShowNoTraceOfANoteAndTheTeamsShowItAsInternal() {
        assertThat(post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "Where is my invoice?")).status()).isEqualTo(201);
        assertThat(post(Who.AGENT_WRITE, Map.of("text", "On its way")).status()).isEqualTo(201);
        List<String> before = clientBodies();

        JsonNode note = note(Who.AGENT_READ_ONLY, SECRET_TEXT);
        assertThat(note.get("internal").asBoolean()).isTrue();
        assertThat(note.get("seq").asLong()).isEqualTo(3);

        assertThat(clientBodies()).isEqualTo(before);
        assertThat(String.join("", before)).doesNotContain(SECRET_TEXT).doesNotContain(note.get("id").asString());
        JsonNode clientHistory = as(Who.CLIENT_OF_ACCOUNT).get(messages()).json().get("items");
        assertThat(clientHistory).hasSize(2);
        assertThat(clientHistory.get(1).get("seq").asLong()).isEqualTo(2);
        assertThat(clientHistory.get(1).get("internal").asBoolean()).isFalse();
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get(portal.conversationPath()).json().get("lastSeq").asLong())
                .isEqualTo(2);

        JsonNode teamHistory = as(Who.WATCHER).get(messages()).json().get("items");
        assertThat(teamHistory).hasSize(3);
        assertThat(teamHistory.get(2).get("text").asString()).isEqualTo(SECRET_TEXT);
        assertThat(teamHistory.get(2).get("internal").asBoolean()).isTrue();
        JsonNode teamInbox = as(Who.WATCHER).get("/conversations").json().get("items").get(0);
        assertThat(teamInbox.get("lastMessage").get("internal").asBoolean()).isTrue();
        assertThat(teamInbox.get("conversation").get("lastSeq").asLong()).isEqualTo(3);
        assertThat(as(Who.WATCHER).get("/me").json().get("unreadTotal").asLong()).isEqualTo(3);

        // The client reads in its own seqs: up to 2 is everything it has.
        assertThat(as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/read", "{\"seq\":2}").status())
                .isEqualTo(204);
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get("/me").json().get("unreadTotal").asLong()).isZero();
    }

    @Test
    void aClientAskingForANoteGets404AndNothingIsWritten() {
        note(Who.OWNER, SECRET_TEXT);
        String teamHistory = as(Who.OWNER).get(messages()).body();

        Answer client = post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "let me in", "internal", true));
        assertThat(client.status()).as(client.toString()).isEqualTo(404);
        assertThat(client.contentType()).startsWith("application/problem+json");
        Answer watcher = post(Who.WATCHER, Map.of("text", "me too", "internal", true));
        assertThat(watcher.status()).as(watcher.toString()).isEqualTo(403);

        assertThat(as(Who.OWNER).get(messages()).body()).isEqualTo(teamHistory);
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get(messages()).json().get("items")).isEmpty();
    }

    @Test
    void aClientCanNeitherEditNorDeleteNorDownloadANote() {
        HttpCaller agent = as(Who.AGENT_WRITE);
        String attachment = agent.upload("plan.png", "image/png", AbstractMessagingHttpTests.PNG).json().get("id")
                .asString();
        JsonNode note = note(Who.AGENT_WRITE, SECRET_TEXT + " (see plan)");
        Answer withFile = post(Who.AGENT_WRITE, Map.of("text", "plan", "internal", true,
                "attachmentIds", List.of(attachment)));
        assertThat(withFile.status()).as(withFile.toString()).isEqualTo(201);
        String path = messages() + "/" + note.get("id").asString();

        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertThat(cathy.patch(path, "{\"text\":\"changed\"}").status()).isEqualTo(404);
        assertThat(cathy.delete(path).status()).isEqualTo(404);
        assertThat(cathy.download("/attachments/" + attachment).statusCode()).isEqualTo(404);
        assertThat(as(Who.WATCHER).download("/attachments/" + attachment).statusCode()).isEqualTo(200);
        assertThat(as(Who.OWNER).get(messages()).json().get("items").get(0).get("text").asString())
                .isEqualTo(SECRET_TEXT + " (see plan)");
    }

    @Test
    void aClientsEventStreamCarriesNoNoteTheTeamsDoesAndAWebhookGetsItMarkedInternal() throws Exception {
        try (SseClient cathy = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed();
             SseClient walt = as(Who.WATCHER).events(null).awaitSubscribed()) {
            note(Who.AGENT_WRITE, SECRET_TEXT);
            assertThat(post(Who.AGENT_WRITE, Map.of("text", "Your invoice is attached")).status()).isEqualTo(201);

            List<SseClient.Event> team = walt.awaitEvents("MessagePosted", 2);
            assertThat(team.get(0).data().get("message").get("internal").asBoolean()).isTrue();
            assertThat(team.get(1).data().get("message").get("seq").asLong()).isEqualTo(2);
            SseClient.Event visible = cathy.awaitEvents("MessagePosted", 1).get(0);
            assertThat(visible.data().get("message").get("text").asString()).isEqualTo("Your invoice is attached");
            assertThat(visible.data().get("message").get("seq").asLong()).isEqualTo(1);
            String resumeFrom = cathy.readyId();
            await().atMost(Duration.ofSeconds(5)).until(() -> cathy.comments().contains("heartbeat"));
            assertThat(cathy.raw()).doesNotContain(SECRET_TEXT);
            assertThat(cathy.ofType("MessagePosted")).hasSize(1);

            try (SseClient replayed = as(Who.CLIENT_OF_ACCOUNT).events(resumeFrom).awaitSubscribed()) {
                replayed.awaitEvents("MessagePosted", 1);
                await().atMost(Duration.ofSeconds(5)).until(() -> replayed.comments().contains("heartbeat"));
                assertThat(replayed.raw()).doesNotContain(SECRET_TEXT);
                assertThat(replayed.ofType("MessagePosted")).hasSize(1);
            }
        }
        String webhook = await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.stream()
                .filter(body -> body.contains("\"text\":\"" + SECRET_TEXT + "\"")).findFirst().orElse(null),
                body -> body != null);
        JsonNode message = HttpCaller.JSON.readTree(webhook).get("data").get("message");
        assertThat(message.get("internal").asBoolean()).isTrue();
        assertThat(message.get("text").asString()).isEqualTo(SECRET_TEXT);
    }
}

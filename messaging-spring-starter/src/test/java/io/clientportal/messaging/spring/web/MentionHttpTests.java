package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
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
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * @mentions over HTTP: posting with {@code mentions} (and {@code addMentioned}), the message's {@code mentions},
 * {@code GET /me}'s {@code mentionTotal}, each summary's {@code mentionCount}, {@code GET /conversations?mentions=me},
 * the {@code MentionReceived} event only on the mentioned member's stream, and hostile input answered 400 naming
 * {@code mentions} with nothing written.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"messaging.web.sse.heartbeat-interval=300ms", "messaging.events.poll-interval=200ms"})
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class MentionHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    Portal portal;

    @DynamicPropertySource
    static void attachmentDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @BeforeEach
    void setUpPortal() {
        portal = new Portal(messaging);
    }

    private HttpCaller as(Who who) {
        return new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(who));
    }

    private static String json(Object value) {
        return HttpCaller.JSON.writeValueAsString(value);
    }

    private Answer postMentioning(Who poster, String text, Object mentions) {
        return as(poster).post(portal.conversationPath() + "/messages", json(Map.of("text", text,
                "mentions", mentions)));
    }

    private long mentionTotal(Who who) {
        return as(who).get("/me").json().get("mentionTotal").asLong();
    }

    private List<String> mentioningMe(Who who) {
        Answer answer = as(who).get("/conversations?mentions=me");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("items").forEach(item -> ids.add(item.get("conversation").get("id").asString()));
        return ids;
    }

    @Test
    void aMessageMentionsTeamMembersWhoThenSeeTheirCountsAndTheFilter() {
        Answer posted = postMentioning(Who.AGENT_WRITE, "@Mark @Walt have a look",
                List.of(portal.id(Who.MANAGER), portal.id(Who.WATCHER), portal.id(Who.MANAGER)));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().get("mentions").values()).extracting(JsonNode::asString)
                .containsExactly(portal.id(Who.MANAGER), portal.id(Who.WATCHER));
        assertThat(mentionTotal(Who.MANAGER)).isEqualTo(1);
        assertThat(mentionTotal(Who.WATCHER)).isEqualTo(1);
        assertThat(mentionTotal(Who.AGENT_WRITE)).isZero();
        assertThat(mentionTotal(Who.CLIENT_OF_ACCOUNT)).isZero();
        JsonNode summary = as(Who.MANAGER).get("/conversations").json().get("items").values().stream()
                .filter(s -> s.get("conversation").get("id").asString().equals(portal.conversation.id().toString()))
                .findFirst().orElseThrow();
        assertThat(summary.get("mentionCount").asLong()).isEqualTo(1);
        assertThat(mentioningMe(Who.MANAGER)).containsExactly(portal.conversation.id().toString());
        assertThat(mentioningMe(Who.OWNER)).isEmpty();
        assertThat(mentioningMe(Who.CLIENT_OF_ACCOUNT)).isEmpty();
        // The client sees the message (its text shows the names); the history carries the ids too.
        JsonNode history = as(Who.CLIENT_OF_ACCOUNT).get(portal.conversationPath() + "/messages").json();
        assertThat(history.get("items").get(0).get("mentions").size()).isEqualTo(2);

        Answer read = as(Who.MANAGER).post(portal.conversationPath() + "/read", "{\"seq\":1}");
        assertThat(read.status()).isEqualTo(204);
        assertThat(mentionTotal(Who.MANAGER)).isZero();
        assertThat(mentioningMe(Who.MANAGER)).isEmpty();
    }

    @Test
    void mentioningSomeoneWhoCantSeeTheConversationIsA400NamingMentionsAndWritesNothing() {
        Answer outsider = postMentioning(Who.AGENT_WRITE, "@Nina", List.of(portal.id(Who.TEAM_NOT_ADDED)));
        Answer unknown = postMentioning(Who.CLIENT_OF_ACCOUNT, "@Eve", List.of("nobody-" + portal.suffix));
        Answer notAllowedToAdd = as(Who.AGENT_WRITE).post(portal.conversationPath() + "/messages",
                json(Map.of("text", "@Nina", "mentions", List.of(portal.id(Who.TEAM_NOT_ADDED)),
                        "addMentioned", true)));

        for (Answer answer : List.of(outsider, unknown, notAllowedToAdd)) {
            assertProblem(answer, 400, "mentions");
        }
        assertThat(outsider.json().get("detail").asString()).contains(portal.id(Who.TEAM_NOT_ADDED));
        assertThat(messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                HistoryQuery.latest(10)).items()).isEmpty();
        assertThat(mentionTotal(Who.TEAM_NOT_ADDED)).isZero();
        assertThat(as(Who.OWNER).get(portal.conversationPath() + "/participants").body())
                .doesNotContain(portal.id(Who.TEAM_NOT_ADDED));
    }

    @Test
    void hostileMentionsAre400NamingTheField() {
        String path = portal.conversationPath() + "/messages";
        HttpCaller agent = as(Who.AGENT_WRITE);
        List<String> tooMany = IntStream.rangeClosed(1, 21).mapToObj(i -> "m" + i).toList();

        assertProblem(agent.post(path, "{\"text\":\"x\",\"mentions\":\"" + portal.id(Who.MANAGER) + "\"}"), 400,
                "mentions");
        assertProblem(agent.post(path, "{\"text\":\"x\",\"mentions\":{\"id\":1}}"), 400, "mentions");
        assertProblem(agent.post(path, "{\"text\":\"x\",\"mentions\":[null]}"), 400, "mentions");
        assertProblem(agent.post(path, "{\"text\":\"x\",\"mentions\":[\"\"]}"), 400, "mentions");
        assertProblem(agent.post(path, json(Map.of("text", "x", "mentions", tooMany))), 400, "mentions");
        assertProblem(agent.post(path, "{\"text\":\"x\",\"addMentioned\":\"yes\"}"), 400, "addMentioned");
        assertProblem(agent.get("/conversations?mentions=you"), 400, "mentions");
        assertThat(messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                HistoryQuery.latest(10)).items()).isEmpty();
    }

    @Test
    void aManagerAddsTheMentionedWhenAsked() {
        Answer posted = as(Who.OWNER).post(portal.conversationPath() + "/messages",
                json(Map.of("text", "@Nina please join", "mentions", List.of(portal.id(Who.TEAM_NOT_ADDED)),
                        "addMentioned", true)));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(mentionTotal(Who.TEAM_NOT_ADDED)).isEqualTo(1);
        assertThat(as(Who.TEAM_NOT_ADDED).get(portal.conversationPath()).status()).isEqualTo(200);
    }

    @Test
    void theMentionEventReachesOnlyTheMentionedMembersStream() throws InterruptedException {
        try (SseClient manager = as(Who.MANAGER).events(null).awaitSubscribed();
             SseClient owner = as(Who.OWNER).events(null).awaitSubscribed();
             SseClient client = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed()) {
            Answer posted = postMentioning(Who.AGENT_WRITE, "@Mark", List.of(portal.id(Who.MANAGER)));
            assertThat(posted.status()).isEqualTo(201);
            as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/messages", "{\"text\":\"next\"}");

            SseClient.Event mention = manager.awaitEvents("MentionReceived", 1).get(0);
            assertThat(mention.data().get("teamMemberId").asString()).isEqualTo(portal.id(Who.MANAGER));
            assertThat(mention.data().get("messageId").asString()).isEqualTo(posted.json().get("id").asString());
            assertThat(mention.data().get("seq").asLong()).isEqualTo(1);
            owner.awaitEvents("MessagePosted", 2);
            client.awaitEvents("MessagePosted", 2);
            // Events arrive in log order: a mention sent to them would have come before the second post.
            assertThat(owner.events()).extracting(SseClient.Event::type).doesNotContain("MentionReceived");
            assertThat(client.events()).extracting(SseClient.Event::type).doesNotContain("MentionReceived");
        }
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("field").asString()).as(answer.toString()).isEqualTo(field);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

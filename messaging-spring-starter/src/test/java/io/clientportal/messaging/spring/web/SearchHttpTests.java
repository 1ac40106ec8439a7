package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /search} over a real server and HTTP client, on the JPA store on H2: hits with plain-text snippets and
 * highlight ranges, keyset pages, only what the caller may see, and hostile queries answered 400 naming {@code q}.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.clientportal=INFO")
class SearchHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    Portal portal;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:search_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void setUpPortal() {
        portal = new Portal(messaging);
    }

    private HttpCaller as(Who who) {
        return new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(who));
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void post(Who who, String conversationPath, String text) {
        messaging.messages().post(portal.actor(who), conversationPath.equals("other")
                ? portal.otherConversation.id() : portal.conversation.id(), NewMessage.text(text));
    }

    private List<String> texts(Who who, String query) {
        Answer answer = as(who).get("/search?q=" + q(query));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        answer.json().get("items").forEach(hit -> texts.add(hit.get("message").get("text").asString()));
        return texts;
    }

    @Test
    void hitsCarryTheMessageAPlainTextSnippetAndHighlightRanges() {
        post(Who.CLIENT_OF_ACCOUNT, "acme", "<img src=x onerror=alert(1)> Invoice #7 attached");

        Answer answer = as(Who.OWNER).get("/search?q=invoice&limit=5");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode hit = answer.json().get("items").get(0);
        assertThat(hit.get("message").get("conversationId").asString()).isEqualTo(portal.conversation.id().toString());
        assertThat(hit.get("message").get("author").get("id").asString()).isEqualTo(portal.id(Who.CLIENT_OF_ACCOUNT));
        String snippet = hit.get("snippet").asString();
        assertThat(snippet).isEqualTo("<img src=x onerror=alert(1)> Invoice #7 attached");
        JsonNode highlight = hit.get("highlights").get(0);
        assertThat(snippet.substring(highlight.get("start").asInt(), highlight.get("end").asInt()))
                .isEqualTo("Invoice");
        assertThat(hit.get("highlights")).hasSize(1);
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesFollowTheCursorNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            post(Who.CLIENT_OF_ACCOUNT, "acme", "payroll run " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = as(Who.AGENT_WRITE).get("/search?q=payroll&limit=2"
                    + (cursor == null ? "" : "&cursor=" + q(cursor)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(hit -> seen.add(hit.get("message").get("text").asString()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).containsExactly("payroll run 5", "payroll run 4", "payroll run 3", "payroll run 2",
                "payroll run 1");
    }

    @Test
    void eachCallerFindsOnlyWhatTheyMaySee() {
        post(Who.CLIENT_OF_ACCOUNT, "acme", "renewal due");
        post(Who.OTHER_CLIENT, "other", "renewal signed");

        assertThat(texts(Who.OWNER, "renewal")).containsExactlyInAnyOrder("renewal due", "renewal signed");
        assertThat(texts(Who.WATCHER, "renewal")).containsExactly("renewal due");
        assertThat(texts(Who.CLIENT_OF_ACCOUNT, "renewal")).containsExactly("renewal due");
        assertThat(texts(Who.OTHER_CLIENT, "renewal")).containsExactly("renewal signed");
        assertThat(texts(Who.TEAM_NOT_ADDED, "renewal")).isEmpty();

        messaging.conversations().removeParticipant(portal.actor(Who.OWNER), portal.conversation.id(),
                portal.id(Who.WATCHER));
        assertThat(texts(Who.WATCHER, "renewal")).isEmpty();
    }

    @Test
    void aConversationTheCallerMayNotSeeIsNotFound() {
        post(Who.CLIENT_OF_ACCOUNT, "acme", "audit notes");
        String acme = portal.conversation.id().toString();

        Answer mine = as(Who.CLIENT_OF_ACCOUNT).get("/search?q=audit&conversationId=" + acme);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("items")).hasSize(1);
        for (Who who : List.of(Who.OTHER_CLIENT, Who.TEAM_NOT_ADDED)) {
            AbstractMessagingHttpTests.assertProblem(as(who).get("/search?q=audit&conversationId=" + acme), 404,
                    null);
        }
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/search?q=audit&conversationId="
                + UUID.randomUUID()), 404, null);
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/search?q=audit&conversationId=not-an-id"),
                404, null);
        AbstractMessagingHttpTests.assertProblem(as(Who.STRANGER).get("/search?q=audit"), 404, null);
    }

    @Test
    void deletedMessagesAreNeverFound() {
        var message = messaging.messages().post(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id(),
                NewMessage.text("wrong account number 1234"));
        messaging.messages().delete(portal.actor(Who.CLIENT_OF_ACCOUNT), message.id());

        for (Who who : List.of(Who.OWNER, Who.CLIENT_OF_ACCOUNT)) {
            Answer answer = as(who).get("/search?q=account");
            assertThat(answer.json().get("items")).as(who.name()).isEmpty();
            assertThat(answer.body()).doesNotContain("1234");
        }
    }

    @Test
    void hostileQueriesAreAnswered400NamingQ() {
        post(Who.CLIENT_OF_ACCOUNT, "acme", "script kiddies");
        for (String hostile : List.of("", "   ", "x".repeat(5_000), "%_\\'\"<script>", "!!! ???", "%")) {
            AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/search?q=" + q(hostile)), 400, "q");
        }
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/search"), 400, "q");
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/search?q=x&limit=0"), 400, "limit");
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/search?q=x&cursor=nope"), 400, "cursor");
        // Longer than Tomcat lets a request line be (8 KB): its connector refuses it, before any valve or the
        // application sees it, so the answer is Tomcat's own 400 (the Java API refuses such a text naming "text").
        Answer tooLong = as(Who.OWNER).get("/search?q=" + "x".repeat(10_000));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain("Exception").doesNotContain("\tat ");
        // Wildcards and quotes are separators, never syntax.
        assertThat(texts(Who.OWNER, "scr%")).containsExactly("script kiddies");
        assertThat(texts(Who.OWNER, "s_ript")).isEmpty();
        assertThat(texts(Who.OWNER, "script' OR '1'='1")).isEmpty();
    }
}

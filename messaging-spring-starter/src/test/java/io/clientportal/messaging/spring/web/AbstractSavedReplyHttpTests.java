package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team's saved replies over HTTP: managed by owners, admins and managers (403 for other team members), used by
 * every team member, and a 404 on every path for clients and strangers; refused requests change nothing, hostile
 * input is a 400 naming the field. Each test acts in a tenant of its own (named by a gateway's header), since
 * saved replies belong to the whole tenant. One subclass per store.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.tenant.header=X-Tenant-Id",
                "messaging.max-saved-replies=4",
                "messaging.web.max-json-body-size=64KB",
                "messaging.attachments.storage-path=target/saved-reply-test-attachments"})
abstract class AbstractSavedReplyHttpTests {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<Who> MANAGERS = List.of(Who.OWNER, Who.ADMIN, Who.MANAGER);
    private static final List<Who> OTHER_TEAM = List.of(Who.AGENT_WRITE, Who.AGENT_READ_ONLY, Who.WATCHER,
            Who.TEAM_NOT_ADDED);
    private static final List<Who> NEVER_TOLD = List.of(Who.CLIENT_OF_ACCOUNT, Who.OTHER_CLIENT, Who.STRANGER);

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    private String tenant;
    private Portal portal;

    @BeforeEach
    void setUpATenantOfItsOwn() {
        tenant = "replies-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        portal = new Portal(messaging.tenant(tenant));
    }

    private HttpCaller as(Who who) {
        return new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(who))
                .withHeader("X-Tenant-Id", tenant);
    }

    private JsonNode create(Who who, String title, String shortcut, String text) {
        Answer answer = as(who).post("/saved-replies", json(Map.of("title", title, "shortcut", shortcut,
                "text", text)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private List<String> shortcuts(Who who) {
        Answer answer = as(who).get("/saved-replies?order=shortcut");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> shortcuts = new ArrayList<>();
        answer.json().forEach(reply -> shortcuts.add(reply.get("shortcut").asString()));
        return shortcuts;
    }

    private static String replace(String title, String shortcut, String text, long version) {
        return json(Map.of("title", title, "shortcut", shortcut, "text", text, "version", version));
    }

    @Test
    void managersCreateUpdateAndDeleteRepliesThatTheWholeTeamLists() {
        JsonNode created = create(Who.OWNER, "Welcome", "Welcome", "Welcome, {{client.firstName}}!");
        String id = created.get("id").asString();
        assertThat(created.get("shortcut").asString()).isEqualTo("welcome");
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.get("createdBy").asString()).isEqualTo(portal.id(Who.OWNER));
        assertThat(created.get("updatedAt").asString()).isNotBlank();
        create(Who.ADMIN, "About invoices", "invoice", "See your invoice.");

        for (Who who : List.of(Who.OWNER, Who.ADMIN, Who.MANAGER, Who.AGENT_WRITE, Who.AGENT_READ_ONLY, Who.WATCHER,
                Who.TEAM_NOT_ADDED)) {
            Answer list = as(who).get("/saved-replies");
            assertThat(list.status()).as("%s: %s", who, list).isEqualTo(200);
            assertThat(list.json().get(0).get("title").asString()).as("alphabetical").isEqualTo("About invoices");
            assertThat(as(who).get("/saved-replies/" + id).json().get("text").asString())
                    .isEqualTo("Welcome, {{client.firstName}}!");
        }
        assertThat(as(Who.AGENT_WRITE).get("/saved-replies?prefix=WEL").json()).hasSize(1);

        Answer updated = as(Who.MANAGER).put("/saved-replies/" + id, replace("Welcome", "hello", "Hello!", 1));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.json().get("shortcut").asString()).isEqualTo("hello");
        Answer stale = as(Who.ADMIN).put("/saved-replies/" + id, replace("Mine", "mine", "Mine", 1));
        assertProblem(stale, 409, "version");
        assertThat(as(Who.OWNER).get("/saved-replies/" + id).json().get("text").asString()).isEqualTo("Hello!");

        assertThat(as(Who.ADMIN).delete("/saved-replies/" + id).status()).isEqualTo(204);
        assertProblem(as(Who.OWNER).get("/saved-replies/" + id), 404, null);
        assertProblem(as(Who.OWNER).delete("/saved-replies/" + id), 404, null);
        assertThat(shortcuts(Who.WATCHER)).containsExactly("invoice");
    }

    @Test
    void otherTeamMembersAreDenied403AndNothingChanges() {
        JsonNode reply = create(Who.OWNER, "Welcome", "welcome", "Welcome!");
        String path = "/saved-replies/" + reply.get("id").asString();
        for (Who who : OTHER_TEAM) {
            assertProblem(as(who).post("/saved-replies", json(Map.of("title", "Mine", "shortcut", "mine",
                    "text", "x"))), 403, null);
            assertProblem(as(who).put(path, replace("Mine", "mine", "x", 1)), 403, null);
            assertProblem(as(who).delete(path), 403, null);
        }
        assertThat(shortcuts(Who.OWNER)).containsExactly("welcome");
        assertThat(as(Who.OWNER).get(path).json()).isEqualTo(reply);
    }

    @Test
    void clientsAndStrangersGet404OnEveryPathAndNothingChanges() {
        JsonNode reply = create(Who.OWNER, "Welcome", "welcome", "Welcome {{client.name}}");
        String id = reply.get("id").asString();
        String missingId = UUID.randomUUID().toString();
        for (Who who : NEVER_TOLD) {
            HttpCaller caller = as(who);
            assertProblem(caller.get("/saved-replies"), 404, null);
            assertProblem(caller.get("/saved-replies?order=nonsense"), 404, null);
            assertProblem(caller.get("/saved-replies/" + id), 404, null);
            Answer hidden = caller.get("/saved-replies/" + id);
            Answer absent = caller.get("/saved-replies/" + missingId);
            assertThat(hidden.json().get("detail").asString().replace(id, "ID"))
                    .as("answered exactly as a missing id")
                    .isEqualTo(absent.json().get("detail").asString().replace(missingId, "ID"));
            assertProblem(caller.get("/saved-replies?prefix=" + "p".repeat(201)), 404, null);
            assertProblem(caller.post("/saved-replies", json(Map.of("title", "Mine", "shortcut", "mine",
                    "text", "x"))), 404, null);
            assertProblem(caller.post("/saved-replies", json(Map.of("title", "", "shortcut", "", "text", ""))),
                    404, null);
            assertProblem(caller.put("/saved-replies/" + id, replace("Mine", "mine", "x", 1)), 404, null);
            assertProblem(caller.put("/saved-replies/" + id, json(Map.of("title", "Mine", "shortcut", "mine",
                    "text", "x"))), 404, null);
            assertProblem(caller.delete("/saved-replies/" + id), 404, null);
            Answer rendered = caller.get(portal.conversationPath() + "/saved-replies/" + id);
            assertProblem(rendered, 404, null);
            assertThat(rendered.body()).doesNotContain("Welcome").doesNotContain("Acme");
        }
        assertThat(as(Who.OWNER).get("/saved-replies/" + id).json()).isEqualTo(reply);
        assertThat(shortcuts(Who.OWNER)).containsExactly("welcome");
    }

    @Test
    void renderingFillsThePlaceholdersForAConversationTheCallerMaySee() {
        String id = create(Who.MANAGER, "Greeting", "greeting",
                "Hi {{client.firstName}} of {{client.name}}, {{me.name}} ({{me.firstName}}) here.")
                .get("id").asString();

        Answer rendered = as(Who.AGENT_WRITE).get(portal.conversationPath() + "/saved-replies/" + id);
        assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
        assertThat(rendered.json().get("text").asString())
                .isEqualTo("Hi Acme Ltd of Acme Ltd, Alice Agent (Alice) here.");
        assertThat(as(Who.OWNER).get("/conversations/" + portal.otherConversation.id() + "/saved-replies/" + id)
                .json().get("text").asString()).isEqualTo("Hi Globex of Globex, Olivia Owner (Olivia) here.");
        assertProblem(as(Who.TEAM_NOT_ADDED).get(portal.conversationPath() + "/saved-replies/" + id), 404, null);
        assertProblem(as(Who.AGENT_WRITE).get("/conversations/" + portal.otherConversation.id()
                + "/saved-replies/" + id), 404, null);
        assertProblem(as(Who.OWNER).get("/conversations/" + UUID.randomUUID() + "/saved-replies/" + id), 404, null);
        assertProblem(as(Who.OWNER).get(portal.conversationPath() + "/saved-replies/" + UUID.randomUUID()), 404,
                null);
        assertProblem(as(Who.OWNER).get(portal.conversationPath() + "/saved-replies/not-a-uuid"), 404, null);
    }

    @Test
    void hostileInputIsA400NamingTheFieldAndChangesNothing() {
        JsonNode reply = create(Who.OWNER, "Welcome", "welcome", "Welcome!");
        String path = "/saved-replies/" + reply.get("id").asString();
        HttpCaller owner = as(Who.OWNER);

        assertProblem(owner.post("/saved-replies", "{\"shortcut\":\"a\",\"text\":\"x\"}"), 400, "title");
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "t", "shortcut", "two words",
                "text", "x"))), 400, "shortcut");
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "t", "shortcut", "<img>", "text", "x"))),
                400, "shortcut");
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "t", "shortcut", "ok",
                "text", "Dear {{client.email}}"))), 400, "text");
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "t", "shortcut", "ok",
                "text", "x".repeat(10_001)))), 400, "text");
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "t", "shortcut", "ok", "text", "x",
                "createdBy", "someone-else"))), 400, null);
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "t", "shortcut", "ok", "text", "x",
                "version", 9))), 400, null);
        assertProblem(owner.post("/saved-replies", "{\"title\":7,\"shortcut\":[],\"text\":{}}"), 400, null);
        assertProblem(owner.post("/saved-replies", "{\"title\":"), 400, null);
        assertThat(owner.raw("POST", "/saved-replies", "text/plain", "hello".getBytes()).status()).isEqualTo(415);
        assertProblem(owner.put(path, json(Map.of("title", "t", "shortcut", "ok", "text", "x"))), 400, "version");
        assertProblem(owner.put(path, replace("t", "ok", "{{nope}}", 1)), 400, "text");
        assertProblem(owner.get("/saved-replies?order=sideways"), 400, "order");
        assertProblem(owner.get("/saved-replies?prefix=" + "p".repeat(201)), 400, "prefix");
        assertProblem(owner.get("/saved-replies/not-a-uuid"), 404, null);
        assertProblem(owner.post("/saved-replies", json(Map.of("title", "Again", "shortcut", "WELCOME",
                "text", "x"))), 409, "shortcut");

        assertThat(owner.get(path).json()).isEqualTo(reply);
        assertThat(shortcuts(Who.OWNER)).containsExactly("welcome");
    }

    @Test
    void aTenantHasAtMostTheConfiguredNumberOfReplies() {
        for (int i = 0; i < 4; i++) {
            create(Who.OWNER, "Reply " + i, "r" + i, "Text " + i);
        }
        assertProblem(as(Who.OWNER).post("/saved-replies", json(Map.of("title", "One too many", "shortcut", "r4",
                "text", "x"))), 413, null);
        assertThat(shortcuts(Who.OWNER)).containsExactly("r0", "r1", "r2", "r3");
    }
}

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignment and team status over HTTP: {@code PUT /conversations/{id}/assignee}, {@code PUT .../status}, the inbox
 * filters, who is refused (404 for clients and those who can't see the conversation, 403 for read-only members,
 * 400 naming the field for bad input, nothing changed by any of them), and a client's raw JSON without a trace.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "messaging.events.poll-interval=200ms"})
class AssignmentHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    private Portal portal;

    @BeforeEach
    void setUpPortal() {
        portal = new Portal(messaging);
    }

    private HttpCaller as(Who who) {
        return new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(who));
    }

    private String path() {
        return portal.conversationPath();
    }

    private Answer assign(Who who, String teamMemberId) {
        return as(who).put(path() + "/assignee", teamMemberId == null ? "{\"teamMemberId\":null}"
                : "{\"teamMemberId\":\"" + teamMemberId + "\"}");
    }

    private Answer setStatus(Who who, String status) {
        return as(who).put(path() + "/status", "{\"status\":\"" + status + "\"}");
    }

    private JsonNode team() {
        Answer answer = as(Who.OWNER).get(path());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("team");
    }

    private List<String> inbox(Who who, String query) {
        Answer answer = as(who).get("/conversations" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("items").forEach(item -> ids.add(item.get("conversation").get("id").asString()));
        return ids;
    }

    @Test
    void theTeamAssignsAndSetsTheStatusAndSeesItOnTheConversationAndInTheInbox() {
        Answer assigned = assign(Who.AGENT_WRITE, portal.id(Who.AGENT_WRITE));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assigneeId").asString()).isEqualTo(portal.id(Who.AGENT_WRITE));
        assertThat(assigned.json().get("assigneeName").asString()).isEqualTo("Alice Agent");
        assertThat(assigned.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(assigned.json().get("changedAt").asString()).isNotBlank();

        Answer waiting = setStatus(Who.MANAGER, "WAITING");
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
        assertThat(waiting.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(team().get("assigneeId").asString()).isEqualTo(portal.id(Who.AGENT_WRITE));
        assertThat(team().get("status").asString()).isEqualTo("WAITING");
        JsonNode summary = as(Who.WATCHER).get("/conversations").json().get("items").get(0);
        assertThat(summary.get("conversation").get("team").get("assigneeName").asString()).isEqualTo("Alice Agent");

        Answer unassigned = assign(Who.OWNER, null);
        assertThat(unassigned.status()).isEqualTo(200);
        assertThat(unassigned.json().get("assigneeId").isNull()).isTrue();
        assertThat(as(Who.OWNER).put(path() + "/assignee", "{}").status()).isEqualTo(200);
        assertThat(team().get("assigneeId").isNull()).isTrue();
    }

    @Test
    void aClientsViewsCarryNoTeamKeyAndNoTraceOfTheAssignment() throws Exception {
        try (SseClient stream = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed();
             SseClient team = as(Who.WATCHER).events(null).awaitSubscribed()) {
            assign(Who.OWNER, portal.id(Who.AGENT_WRITE));
            setStatus(Who.OWNER, "DONE");
            as(Who.AGENT_WRITE).post(path() + "/messages", "{\"text\":\"marker\"}");

            team.awaitEvents("MessagePosted", 1);
            assertThat(team.ofType("ConversationAssigned")).hasSize(1);
            assertThat(team.ofType("ConversationStatusChanged")).hasSize(1);
            stream.awaitEvents("MessagePosted", 1);
            assertThat(stream.events()).extracting(SseClient.Event::type).containsExactly("MessagePosted");
            assertThat(stream.raw()).doesNotContain("Assigned").doesNotContain("StatusChanged")
                    .doesNotContain("DONE");
        }
        HttpCaller client = as(Who.CLIENT_OF_ACCOUNT);
        for (Answer answer : List.of(client.get(path()), client.get("/conversations"),
                client.get("/clients/" + portal.account + "/conversation"))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            // (The agent's name is there as the last message's author, not as an assignee.)
            assertThat(answer.body()).doesNotContain("\"team\"").doesNotContain("assignee")
                    .doesNotContain("DONE").doesNotContain("changedAt");
        }
        assertThat(as(Who.OWNER).get(path()).body()).contains("\"team\"").contains("Alice Agent");
    }

    @Test
    void clientsAndWhoeverCantSeeTheConversationGet404ReadOnlyMembers403AndNothingChanges() {
        assign(Who.OWNER, portal.id(Who.WATCHER));
        JsonNode before = team();
        for (Who who : List.of(Who.CLIENT_OF_ACCOUNT, Who.OTHER_CLIENT, Who.STRANGER, Who.TEAM_NOT_ADDED)) {
            AbstractMessagingHttpTests.assertProblem(assign(who, portal.id(Who.AGENT_WRITE)), 404, null);
            AbstractMessagingHttpTests.assertProblem(assign(who, null), 404, null);
            AbstractMessagingHttpTests.assertProblem(setStatus(who, "DONE"), 404, null);
        }
        for (Who who : List.of(Who.AGENT_READ_ONLY, Who.WATCHER)) {
            AbstractMessagingHttpTests.assertProblem(assign(who, portal.id(Who.AGENT_WRITE)), 403, null);
            AbstractMessagingHttpTests.assertProblem(setStatus(who, "DONE"), 403, null);
        }
        assertThat(team()).isEqualTo(before);
    }

    @Test
    void hostileInputIs400NamingTheFieldAndChangesNothing() {
        JsonNode before = team();
        AbstractMessagingHttpTests.assertProblem(assign(Who.OWNER, "nobody-" + portal.suffix), 400, "assignee");
        AbstractMessagingHttpTests.assertProblem(assign(Who.OWNER, portal.id(Who.TEAM_NOT_ADDED)), 400, "assignee");
        AbstractMessagingHttpTests.assertProblem(assign(Who.OWNER, portal.id(Who.CLIENT_OF_ACCOUNT)), 400,
                "assignee");
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).put(path() + "/assignee", "{\"teamMemberId\":7}"),
                400, "teamMemberId");
        AbstractMessagingHttpTests.assertProblem(setStatus(Who.OWNER, "LATER"), 400, "status");
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).put(path() + "/status", "{}"), 400, "status");
        AbstractMessagingHttpTests.assertProblem(as(Who.OWNER).get("/conversations?status=LATER"), 400, "status");
        AbstractMessagingHttpTests.assertProblem(
                as(Who.OWNER).get("/conversations?assignee=me&unassigned=true"), 400, "unassigned");
        assertThat(team()).isEqualTo(before);
        // The team filters mean nothing to a client: refused, naming the filter.
        HttpCaller client = as(Who.CLIENT_OF_ACCOUNT);
        AbstractMessagingHttpTests.assertProblem(client.get("/conversations?assignee=me"), 400, "assignee");
        AbstractMessagingHttpTests.assertProblem(client.get("/conversations?unassigned=true"), 400, "unassigned");
        AbstractMessagingHttpTests.assertProblem(client.get("/conversations?status=OPEN"), 400, "status");
    }

    @Test
    void theInboxFiltersMineUnassignedAndByStatus() {
        String acme = portal.conversation.id().toString();
        String globex = portal.otherConversation.id().toString();
        assign(Who.OWNER, portal.id(Who.AGENT_WRITE));
        setStatus(Who.OWNER, "WAITING");

        // The agent sees only this conversation; the owner sees every one of the tenant (other tests' too).
        assertThat(inbox(Who.AGENT_WRITE, "?assignee=me")).containsExactly(acme);
        assertThat(inbox(Who.OWNER, "?assignee=me")).doesNotContain(acme, globex);
        assertThat(inbox(Who.OWNER, "?assignee=" + portal.id(Who.AGENT_WRITE))).containsExactly(acme);
        assertThat(inbox(Who.OWNER, "?unassigned=true")).contains(globex).doesNotContain(acme);
        assertThat(inbox(Who.OWNER, "?status=WAITING")).contains(acme).doesNotContain(globex);
        assertThat(inbox(Who.OWNER, "?status=OPEN")).contains(globex).doesNotContain(acme);
        assertThat(inbox(Who.AGENT_WRITE, "?status=WAITING")).containsExactly(acme);
        assertThat(inbox(Who.AGENT_WRITE, "?status=WAITING&unread=true")).isEmpty();
        assertThat(inbox(Who.AGENT_WRITE, "?unassigned=true")).isEmpty();

        // The client writes again: the conversation is open, and unread for the team.
        as(Who.CLIENT_OF_ACCOUNT).post(path() + "/messages", "{\"text\":\"Any news?\"}");
        assertThat(team().get("status").asString()).isEqualTo("OPEN");
        assertThat(inbox(Who.OWNER, "?status=WAITING")).doesNotContain(acme);
        assertThat(inbox(Who.AGENT_WRITE, "?assignee=me&status=OPEN&unread=true")).containsExactly(acme);
    }
}

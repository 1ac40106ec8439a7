package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.PNG;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tenants side by side behind a gateway that names the tenant in {@code X-Tenant-Id}, with the very same user,
 * account and team ids in each: over HTTP and SSE neither sees the other's conversations, messages, events,
 * attachments or counts, and an id of one is 404 in the other.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.tenant.header=X-Tenant-Id",
                "messaging.attachments.storage-path=target/tenant-test-attachments",
                "messaging.events.poll-interval=200ms",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class TenantHttpTests {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    String suffix;
    String northTenant;
    String southTenant;
    Conversation north;
    Conversation south;

    /** Fresh tenants per test, so that counts are exactly the test's own. */
    @BeforeEach
    void setUpTwoTenantsWithTheSameIds() {
        suffix = "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        northTenant = "north" + suffix;
        southTenant = "south" + suffix;
        north = world(messaging.tenant(northTenant));
        south = world(messaging.tenant(southTenant));
    }

    private Conversation world(Messaging tenant) {
        tenant.directory().upsertTeamMember("olivia" + suffix, "Olivia", TeamRole.OWNER);
        Conversation conversation = tenant.directory().createClientAccount("acme" + suffix, "Acme",
                AccountKind.INDIVIDUAL);
        tenant.directory().addClientUser("acme" + suffix, "cathy" + suffix, "Cathy");
        return conversation;
    }

    /** {@code user} of the north or the south tenant, as the gateway forwards their requests. */
    private HttpCaller as(String user, String tenant) {
        String id = switch (tenant) {
            case "north" -> northTenant;
            case "south" -> southTenant;
            default -> tenant;
        };
        return new HttpCaller("http://localhost:" + port + "/api/messaging", user + suffix)
                .withHeader("X-Tenant-Id", id);
    }

    private void post(String tenant, Conversation conversation, String text) {
        Answer answer = as("cathy", tenant).post("/conversations/" + conversation.id() + "/messages",
                json(Map.of("text", text)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void eachTenantsInboxHistoryAndCountsAreItsOwn() {
        post("north", north, "north one");
        post("north", north, "north two");
        post("south", south, "south one");

        JsonNode northInbox = as("olivia", "north").get("/conversations").json().get("items");
        assertThat(northInbox).hasSize(1);
        assertThat(northInbox.get(0).get("conversation").get("id").asString()).isEqualTo(north.id().toString());
        assertThat(northInbox.get(0).get("lastMessage").get("text").asString()).isEqualTo("north two");
        assertThat(northInbox.get(0).get("unreadCount").asLong()).isEqualTo(2);
        JsonNode southInbox = as("olivia", "south").get("/conversations").json().get("items");
        assertThat(southInbox).hasSize(1);
        assertThat(southInbox.get(0).get("conversation").get("id").asString()).isEqualTo(south.id().toString());

        assertThat(as("olivia", "north").get("/me").json().get("unreadTotal").asLong()).isEqualTo(2);
        assertThat(as("olivia", "south").get("/me").json().get("unreadTotal").asLong()).isEqualTo(1);
        assertThat(as("cathy", "south").get("/conversations/" + south.id() + "/messages").json().get("items"))
                .extracting(message -> message.get("text").asString()).containsExactly("south one");
    }

    @Test
    void anIdOfOneTenantIsNotFoundInTheOther() {
        post("north", north, "north only");
        assertProblem(as("olivia", "south").get("/conversations/" + north.id()), 404, null);
        assertProblem(as("cathy", "south").get("/conversations/" + north.id() + "/messages"), 404, null);
        assertProblem(as("cathy", "south").post("/conversations/" + north.id() + "/messages",
                json(Map.of("text", "across"))), 404, null);
        assertThat(as("olivia", "north").get("/conversations/" + north.id()).status()).isEqualTo(200);
    }

    @Test
    void anAttachmentOfOneTenantCantBeDownloadedInTheOther() {
        Answer uploaded = as("cathy", "north").upload("plan.png", "image/png", PNG);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();

        HttpResponse<byte[]> elsewhere = as("cathy", "south").download("/attachments/" + id);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> home = as("cathy", "north").download("/attachments/" + id);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).isEqualTo(PNG);
    }

    @Test
    void anEventStreamCarriesOnlyItsTenantsEvents() throws Exception {
        try (SseClient southStream = as("olivia", "south").events(null).awaitSubscribed();
             SseClient northStream = as("olivia", "north").events(null).awaitSubscribed()) {
            post("north", north, "north news");
            post("south", south, "south news");

            // Events arrive in commit order: once south's has arrived, north's would have been there before it.
            southStream.awaitEvents("MessagePosted", 1);
            northStream.awaitEvents("MessagePosted", 1);
            assertThat(southStream.events()).filteredOn(event -> !event.type().equals("ready"))
                    .allSatisfy(event -> assertThat(event.data().get("conversationId").asString())
                            .isEqualTo(south.id().toString()));
            assertThat(northStream.events()).filteredOn(event -> !event.type().equals("ready"))
                    .allSatisfy(event -> assertThat(event.data().get("conversationId").asString())
                            .isEqualTo(north.id().toString()));
            assertThat(southStream.raw()).doesNotContain("north news");
            assertThat(northStream.raw()).doesNotContain("south news");
        }
    }

    @Test
    void aRequestThatNamesNoTenantIsA401Problem() {
        HttpCaller noTenant = new HttpCaller("http://localhost:" + port + "/api/messaging", "olivia" + suffix);
        Answer answer = noTenant.get("/me");
        assertProblem(answer, 401, null);
        assertThat(answer.json().get("detail").asString()).contains("tenant");
        assertProblem(as("olivia", " ").get("/me"), 401, null);
    }
}

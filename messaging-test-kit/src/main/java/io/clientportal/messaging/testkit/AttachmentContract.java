package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AttachmentContent;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.UnsupportedContentTypeException;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Uploads and downloads: typed from the bytes, capped while streaming, authorised like the conversation. */
public abstract class AttachmentContract extends Contract {

    /** The smallest valid PNG header plus some bytes. */
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R');

    /** An engine over the same store whose housekeeping runs every few milliseconds; the caller closes it. */
    protected abstract Messaging nodeWithFastHousekeeping();

    @Test
    void anUploadIsTypedFromItsBytesHashedAndItsNameSanitised() throws Exception {
        var w = world();
        Attachment attachment = upload(w, w.alice, "../../etc/pass\u0000wd.png", "application/pdf", PNG);

        assertThat(attachment.contentType()).isEqualTo("image/png");
        assertThat(attachment.size()).isEqualTo(PNG.length);
        assertThat(attachment.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(attachment.filename()).isEqualTo("pass_wd.png");
        try (AttachmentContent content = w.messaging.attachments().open(w.alice, attachment.id())) {
            assertThat(content.stream().readAllBytes()).isEqualTo(PNG);
            assertThat(content.attachment()).isEqualTo(attachment);
        }
    }

    @Test
    void htmlClaimingToBeAnImageIsRefused() {
        var w = world();
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> upload(w, w.alice, "cat.png", "image/png", html))
                .isInstanceOf(UnsupportedContentTypeException.class)
                .satisfies(e -> assertThat(((UnsupportedContentTypeException) e).detectedType()).isEqualTo("text/html"));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> upload(w, w.alice, "logo.svg", "image/svg+xml", svg))
                .isInstanceOf(UnsupportedContentTypeException.class);
        assertThat(upload(w, w.alice, "notes.txt", "text/plain", "just text".getBytes(StandardCharsets.UTF_8))
                .contentType()).isEqualTo("text/plain");
    }

    @Test
    void anOversizedUploadIsRefusedWhileStreamingAndAnEmptyOneIsInvalid() {
        var w = world();
        long max = MessagingLimits.DEFAULT_MAX_ATTACHMENT_SIZE;
        assertThatThrownBy(() -> w.messaging.attachments().upload(w.alice, "big.txt", "text/plain",
                new RepeatingInputStream(max + 1))).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> upload(w, w.alice, "empty.txt", "text/plain", new byte[0]))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> w.messaging.attachments().upload(w.stranger, "x.png", "image/png",
                new ByteArrayInputStream(PNG))).isInstanceOf(io.clientportal.messaging.MessagingException.class);
    }

    @Test
    void attachmentsAreAuthorisedLikeTheirConversation() throws Exception {
        var w = world();
        Attachment attachment = upload(w, w.alice, "photo.png", "image/png", PNG);
        Message message = w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("see photo").withAttachments(attachment.id()));
        assertThat(message.attachments()).containsExactly(attachment);
        assertThat(w.history(w.acme).get(0).attachments()).containsExactly(attachment);

        for (var actor : List.of(w.alice, w.bob, w.agent, w.watcher, w.owner)) {
            try (AttachmentContent content = w.messaging.attachments().open(actor, attachment.id())) {
                assertThat(content.stream().readAllBytes()).as(actor.id()).isEqualTo(PNG);
            }
        }
        for (var actor : List.of(w.olga, w.outsider, w.stranger, w.ghost)) {
            assertThatThrownBy(() -> w.messaging.attachments().open(actor, attachment.id())).as(actor.id())
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> w.messaging.attachments().open(w.alice, new AttachmentId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnpostedUploadIsOnlyTheUploaders() {
        var w = world();
        Attachment attachment = upload(w, w.alice, "draft.png", "image/png", PNG);
        assertThatThrownBy(() -> w.messaging.attachments().open(w.bob, attachment.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().post(w.bob, w.acme,
                NewMessage.text("stolen").withAttachments(attachment.id())))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("attachmentIds"));
        assertThat(w.history(w.acme)).isEmpty();
    }

    @Test
    void anUploadIsUsedOnceAndAMessageTakesAtMostTheLimit() {
        var w = world();
        Attachment attachment = upload(w, w.alice, "a.png", "image/png", PNG);
        w.messaging.messages().post(w.alice, w.acme, NewMessage.text("").withAttachments(attachment.id()));
        assertThatThrownBy(() -> w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("again").withAttachments(attachment.id()))).isInstanceOf(InvalidInputException.class);

        AttachmentId[] eleven = new AttachmentId[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = upload(w, w.alice, "f" + i + ".png", "image/png", PNG).id();
        }
        assertThatThrownBy(() -> w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("too many").withAttachments(eleven))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("attachmentIds"));
        assertThat(w.history(w.acme)).hasSize(1);
    }

    @Test
    void anAnnouncementsAttachmentOpensForItsTargetsOnly() throws Exception {
        var w = world();
        Attachment attachment = upload(w, w.owner, "brochure.pdf", "application/pdf",
                "%PDF-1.7\n%fake".getBytes(StandardCharsets.US_ASCII));
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        Announcement sent = w.messaging.announcements().send(w.owner,
                NewAnnouncement.toClients(List.of("acme"), "brochure").withAttachments(attachment.id()));
        AnnouncementContract.awaitDelivered(w, sent.id());

        for (var actor : List.of(w.alice, w.agent, w.manager)) {
            try (AttachmentContent content = w.messaging.attachments().open(actor, attachment.id())) {
                assertThat(content.attachment().filename()).isEqualTo("brochure.pdf");
            }
        }
        for (var actor : List.of(w.ivan, w.olga, w.outsider)) {
            assertThatThrownBy(() -> w.messaging.attachments().open(actor, attachment.id())).as(actor.id())
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aDeletedMessagesAttachmentsAreGone() {
        var w = world();
        Attachment attachment = upload(w, w.alice, "a.png", "image/png", PNG);
        Message message = w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("x").withAttachments(attachment.id()));
        w.messaging.messages().delete(w.alice, message.id());

        assertThat(w.history(w.acme).get(0).attachments()).isEmpty();
        assertThatThrownBy(() -> w.messaging.attachments().open(w.alice, attachment.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void unreferencedUploadsExpire() {
        var w = world();
        Attachment kept = upload(w, w.alice, "kept.png", "image/png", PNG);
        w.messaging.messages().post(w.alice, w.acme, NewMessage.text("keep").withAttachments(kept.id()));
        Attachment abandoned = upload(w, w.alice, "abandoned.png", "image/png", PNG);
        w.clock.advance(MessagingLimits.DEFAULT_UNREFERENCED_ATTACHMENT_TTL.plusMinutes(1));

        try (Messaging node = nodeWithFastHousekeeping()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThatThrownBy(() -> w.messaging.attachments().open(w.alice, abandoned.id()))
                            .isInstanceOf(NotFoundException.class));
        }
        w.messaging.attachments().open(w.alice, kept.id()).close();
    }

    static Attachment upload(ContractFixture w, io.clientportal.messaging.Actor actor, String name, String type,
                             byte[] content) {
        return w.messaging.attachments().upload(actor, name, type, new ByteArrayInputStream(content));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Streams {@code length} bytes of text without holding them in memory. */
    static final class RepeatingInputStream extends InputStream {
        private long remaining;

        RepeatingInputStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            // nothing to release
        }
    }

}

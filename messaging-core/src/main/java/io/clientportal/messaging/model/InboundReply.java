package io.clientportal.messaging.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reply to a notification email, parsed (the Spring Boot starter parses MIME; the core decides): the token from
 * the address it was sent to, the mail's {@code Message-ID}, its text as written (quoted history and signature are
 * stripped by the core) and its attachments.
 *
 * @param token       the reply token from the {@code Reply-To} address, never {@code null} (may be anything: the
 *                    core checks it)
 * @param messageId   the email's {@code Message-ID}: the reply's idempotency key; never blank
 * @param text        the reply's plain text, never {@code null} (may be empty when it has attachments)
 * @param attachments the attached files, never {@code null}
 */
public record InboundReply(String token, String messageId, String text, List<Attachment> attachments) {

    public InboundReply {
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(messageId, "messageId must not be null");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId must not be blank");
        }
        Objects.requireNonNull(text, "text must not be null");
        attachments = Lists.withoutNulls(attachments, "attachments");
    }

    /**
     * A file attached to the reply; it goes through the same checks as any upload.
     *
     * @param filename            as the mail names it, may be {@code null} (then a default)
     * @param declaredContentType as the mail declares it, may be {@code null}; only a hint
     * @param content             the bytes, never {@code null}
     */
    public record Attachment(String filename, String declaredContentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(content, "content must not be null");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && Objects.equals(filename, that.filename)
                    && Objects.equals(declaredContentType, that.declaredContentType)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(filename, declaredContentType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[filename=" + filename + ", declaredContentType=" + declaredContentType + ", size="
                    + content.length + "]";
        }
    }
}

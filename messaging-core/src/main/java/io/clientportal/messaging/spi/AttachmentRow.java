package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;
import java.util.Objects;

/**
 * An upload's metadata as a store keeps it; its bytes are in the {@link AttachmentStore} under {@code storageKey}.
 *
 * @param id             never {@code null}
 * @param filename       the sanitised name, never {@code null}
 * @param contentType    the type detected from the bytes, never {@code null}
 * @param size           in bytes
 * @param sha256         hex digest of the bytes, never {@code null}
 * @param uploader       who uploaded it, never {@code null}
 * @param storageKey     where the bytes are, never {@code null}
 * @param uploadedAt     never {@code null}
 * @param conversationId the conversation of the message that references it; {@code null} while unreferenced and
 *                       for an announcement's attachment (shared by all of its messages)
 * @param messageId      the message that references it, or {@code null}
 * @param announcementId the announcement that references it, or {@code null}
 */
public record AttachmentRow(AttachmentId id, String filename, String contentType, long size, String sha256,
                            Actor uploader, String storageKey, Instant uploadedAt, ConversationId conversationId,
                            MessageId messageId, AnnouncementId announcementId) {

    public AttachmentRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(filename, "filename must not be null");
        Objects.requireNonNull(contentType, "contentType must not be null");
        Objects.requireNonNull(sha256, "sha256 must not be null");
        Objects.requireNonNull(uploader, "uploader must not be null");
        Objects.requireNonNull(storageKey, "storageKey must not be null");
        Objects.requireNonNull(uploadedAt, "uploadedAt must not be null");
    }

    /** Whether a message or an announcement references it. */
    public boolean isReferenced() {
        return messageId != null || announcementId != null;
    }

    /** This row referenced as given (all three may be {@code null}). */
    public AttachmentRow referencedBy(ConversationId conversationId, MessageId messageId,
                                      AnnouncementId announcementId) {
        return new AttachmentRow(id, filename, contentType, size, sha256, uploader, storageKey, uploadedAt,
                conversationId, messageId, announcementId);
    }
}

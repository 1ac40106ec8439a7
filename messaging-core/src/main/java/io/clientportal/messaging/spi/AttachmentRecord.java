package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.time.Instant;

/**
 * An attachment as the store keeps it: its metadata, who uploaded it, where its bytes are and what references it.
 *
 * @param tenantId       the tenant
 * @param attachment     the public metadata
 * @param uploader       who uploaded it
 * @param storageKey     the key of its bytes in the {@link AttachmentStore}
 * @param uploadedAt     when it was uploaded
 * @param conversationId the conversation of the message that references it, or {@code null}
 * @param messageId      the message that references it, or {@code null}
 * @param announcementId the announcement that references it, or {@code null}
 */
public record AttachmentRecord(String tenantId, Attachment attachment, Actor uploader, String storageKey,
                               Instant uploadedAt, ConversationId conversationId, MessageId messageId,
                               AnnouncementId announcementId) {

    /** Whether a message or an announcement references it. */
    public boolean isReferenced() {
        return messageId != null || announcementId != null;
    }
}

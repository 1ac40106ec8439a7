package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;

import java.util.List;
import java.util.Optional;

/**
 * Upload metadata in one unit of work (the bytes are in the {@link AttachmentStore}). Arguments are never
 * {@code null} unless documented; returned lists are never {@code null}.
 */
public interface AttachmentRows {

    /** Inserts an upload's row. */
    void insert(AttachmentRow attachment);

    /** The upload, or empty. */
    Optional<AttachmentRow> find(AttachmentId id);

    /** An announcement's attachments, in the order they were referenced. */
    List<AttachmentRow> ofAnnouncement(AnnouncementId id);

    /**
     * Marks uploads as referenced, keeping the order of {@code ids}: by a message (then {@code announcementId} is
     * {@code null}) or by an announcement (then {@code conversationId} and {@code messageId} are).
     */
    void reference(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                   AnnouncementId announcementId);

    /** Deletes upload rows; returns those deleted, so the core can delete their bytes after commit. */
    List<AttachmentRow> delete(List<AttachmentId> ids);

    /** Deletes the rows whose {@link AttachmentRow#conversationId} is {@code id}; returns them. */
    List<AttachmentRow> deleteOf(ConversationId id);
}

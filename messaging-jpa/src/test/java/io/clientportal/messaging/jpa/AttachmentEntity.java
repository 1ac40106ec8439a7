package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload's metadata and what references it. Read in batches per page with native SQL.
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingAttachment")
@Table(name = "messaging_attachment")
class AttachmentEntity {

    @EmbeddedId
    private UuidKey key;

    @Column(name = "filename", nullable = false, length = 1024)
    private String filename;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_key", nullable = false, length = 1024)
    private String storageKey;

    @Column(name = "uploader_kind", nullable = false, length = 16)
    private String uploaderKind;

    @Column(name = "uploader_id", nullable = false, length = 255)
    private String uploaderId;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "message_id")
    private UUID messageId;

    @Column(name = "announcement_id")
    private UUID announcementId;

    @Column(name = "ordinal", nullable = false)
    private int ordinal;

    protected AttachmentEntity() {
    }
}

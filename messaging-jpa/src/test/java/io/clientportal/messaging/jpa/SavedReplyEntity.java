package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;

/**
 * A saved reply of the team. Read and written with native SQL ({@code SavedReplySql}).
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingSavedReply")
@Table(name = "messaging_saved_reply", uniqueConstraints = @UniqueConstraint(
        name = "messaging_saved_reply_shortcut_uk", columnNames = {"tenant_id", "shortcut"}))
class SavedReplyEntity {

    @EmbeddedId
    private UuidKey key;

    @Column(name = "title", nullable = false, length = 255)
    private String title;

    @Column(name = "shortcut", nullable = false, length = 64)
    private String shortcut;

    @Column(name = "text", nullable = false, length = Texts.MAX_LENGTH)
    private String text;

    @Column(name = "created_by", nullable = false, length = 255)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "version", nullable = false)
    private long version;

    protected SavedReplyEntity() {
    }
}

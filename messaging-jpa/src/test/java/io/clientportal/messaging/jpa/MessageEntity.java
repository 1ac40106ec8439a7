package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A message row, keyed by its place in the conversation. Written and read with native SQL (the hot path).
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingMessage")
@Table(name = "messaging_message")
class MessageEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "conversation_id", nullable = false) UUID conversationId,
               @Column(name = "seq", nullable = false) long seq) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "author_kind", nullable = false, length = 16)
    private String authorKind;

    @Column(name = "author_id", nullable = false, length = 255)
    private String authorId;

    @Column(name = "author_name", nullable = false, length = 255)
    private String authorName;

    @Column(name = "text", nullable = false, length = Texts.MAX_LENGTH)
    private String text;

    @Column(name = "highlighted", nullable = false)
    private boolean highlighted;

    @Column(name = "announcement_id")
    private UUID announcementId;

    @Column(name = "client_message_id", length = 255)
    private String clientMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "search_text", nullable = false, length = Texts.MAX_LENGTH)
    private String searchText;

    @Column(name = "mentions", length = Texts.MAX_LENGTH)
    private String mentions;

    @Column(name = "internal", nullable = false)
    private boolean internal;

    @Column(name = "client_seq", nullable = false)
    private long clientSeq;

    protected MessageEntity() {
    }
}

package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message of a conversation. */
@Entity
@Table(name = "messaging_message")
@IdClass(Keys.MessageKey.class)
public class NaiveMessage extends NewAware<Keys.MessageKey> {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "conversation_id")
    UUID conversationId;
    @Id
    long seq;
    UUID id;
    @Column(name = "author_kind")
    String authorKind;
    @Column(name = "author_id")
    String authorId;
    @Column(name = "author_name")
    String authorName;
    String text;
    boolean highlighted;
    @Column(name = "announcement_id")
    UUID announcementId;
    @Column(name = "client_message_id")
    String clientMessageId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "edited_at")
    Instant editedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;
    /** The naive variant writes no internal notes: a message's client seq is its seq (schema V8). */
    @Column(name = "client_seq")
    long clientSeq;

    protected NaiveMessage() {
    }

    NaiveMessage(String tenantId, UUID conversationId, long seq, String authorKind, String authorId,
                 String authorName, String text, UUID announcementId, Instant createdAt) {
        this.tenantId = tenantId;
        this.conversationId = conversationId;
        this.seq = seq;
        this.clientSeq = seq;
        this.id = UUID.randomUUID();
        this.authorKind = authorKind;
        this.authorId = authorId;
        this.authorName = authorName;
        this.text = text;
        this.announcementId = announcementId;
        this.createdAt = createdAt;
    }

    @Override
    public Keys.MessageKey getId() {
        Keys.MessageKey key = new Keys.MessageKey();
        key.tenantId = tenantId;
        key.conversationId = conversationId;
        key.seq = seq;
        return key;
    }
}

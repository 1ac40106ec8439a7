package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A conversation row. Written and read with native SQL only (its seq counter is bumped under a row lock by every
 * post), so that no stale copy can sit in a persistence context.
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingConversation")
@Table(name = "messaging_conversation")
class ConversationEntity {

    @EmbeddedId
    private UuidKey key;

    @Column(name = "client_account_id", nullable = false, length = 255)
    private String clientAccountId;

    @Column(name = "client_name", nullable = false, length = 255)
    private String clientName;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "countable", nullable = false)
    private long countable;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "activity_at", nullable = false)
    private Instant activityAt;

    @Column(name = "assignee_id", length = 255)
    private String assigneeId;

    @Column(name = "team_status", nullable = false, length = 16)
    private String teamStatus;

    @Column(name = "team_changed_at")
    private Instant teamChangedAt;

    @Column(name = "last_client_seq", nullable = false)
    private long lastClientSeq;

    @Column(name = "last_client_message_at")
    private Instant lastClientMessageAt;

    @Column(name = "client_countable", nullable = false)
    private long clientCountable;

    protected ConversationEntity() {
    }
}

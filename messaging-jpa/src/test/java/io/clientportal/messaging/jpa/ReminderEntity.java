package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A conversation's pending follow-up reminder: the unanswered team message, when it is due, its lease. Only a
 * mapping for {@link SchemaTests} (see {@link ReadHorizonEntity}).
 */
@Entity(name = "MessagingReminder")
@Table(name = "messaging_reminder")
class ReminderEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "conversation_id", nullable = false) UUID conversationId) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Column(name = "author_id", nullable = false, length = 255)
    private String authorId;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    protected ReminderEntity() {
    }
}

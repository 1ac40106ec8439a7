package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A recipient's notification state: what is due, its lease, the last send, preferences. Only a mapping for
 * {@link SchemaTests} (see {@link ReadHorizonEntity}).
 */
@Entity(name = "MessagingNotification")
@Table(name = "messaging_notification")
class NotificationEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "recipient_kind", nullable = false, length = 16) String recipientKind,
               @Column(name = "recipient_id", nullable = false, length = 255) String recipientId) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "due_at")
    private OffsetDateTime dueAt;

    @Column(name = "last_sent_at")
    private OffsetDateTime lastSentAt;

    @Column(name = "covered_until")
    private OffsetDateTime coveredUntil;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "preference_mode", length = 16)
    private String preferenceMode;

    @Column(name = "digest_hours", nullable = false)
    private int digestHours;

    protected NotificationEntity() {
    }
}

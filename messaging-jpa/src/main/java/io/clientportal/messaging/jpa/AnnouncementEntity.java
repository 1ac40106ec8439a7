package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRow;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An announcement and its delivery progress. Its attachments live in the attachment table, stored once. */
@Entity(name = "MessagingAnnouncement")
@Table(name = "messaging_announcement")
class AnnouncementEntity {

    @EmbeddedId
    private UuidKey key;

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

    @Column(name = "all_clients", nullable = false)
    private boolean allClients;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "target_count", nullable = false)
    private int targetCount;

    @Column(name = "delivered_count", nullable = false)
    private int deliveredCount;

    @Column(name = "cursor_id")
    private UUID cursorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The node delivering it, or null when none does. */
    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    /** Until when {@link #leaseOwner} keeps other nodes off it, or null when no node holds it. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected AnnouncementEntity() {
    }

    AnnouncementEntity(String tenantId, AnnouncementRow row) {
        this.key = new UuidKey(tenantId, row.id().value());
        this.authorKind = row.author().kind().name();
        this.authorId = row.author().id();
        this.authorName = row.authorName();
        this.text = row.text();
        this.highlighted = row.highlighted();
        this.allClients = row.allClients();
        this.createdAt = row.createdAt();
        updateProgress(row);
    }

    /** Takes over what may change after sending: the target count, status, delivered count, cursor and lease. */
    void updateProgress(AnnouncementRow row) {
        this.targetCount = row.targetCount();
        this.status = row.status().name();
        this.deliveredCount = row.deliveredCount();
        this.cursorId = row.cursor() == null ? null : row.cursor().value();
        this.leaseOwner = row.lease() == null ? null : row.lease().owner();
        this.leaseUntil = row.lease() == null ? null : row.lease().until();
    }

    /** The row; its attachments are rows of their own ({@link AttachmentSql#ofAnnouncement}). */
    AnnouncementRow toRow() {
        return new AnnouncementRow(new AnnouncementId(key.id()),
                new Actor(Actor.Kind.valueOf(authorKind), authorId), authorName, text, highlighted,
                allClients, Announcement.Status.valueOf(status), targetCount, deliveredCount,
                cursorId == null ? null : new ConversationId(cursorId), createdAt,
                leaseOwner == null || leaseUntil == null ? null : new AnnouncementLease(leaseOwner, leaseUntil));
    }
}

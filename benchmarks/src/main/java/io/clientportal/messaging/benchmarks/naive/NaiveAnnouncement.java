package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An announcement to all clients and its progress. */
@Entity
@Table(name = "messaging_announcement")
@IdClass(Keys.TenantUuid.class)
public class NaiveAnnouncement extends NewAware<Keys.TenantUuid> {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    UUID id;
    @Column(name = "author_kind")
    String authorKind;
    @Column(name = "author_id")
    String authorId;
    @Column(name = "author_name")
    String authorName;
    String text;
    boolean highlighted;
    @Column(name = "all_clients")
    boolean allClients;
    String status;
    @Column(name = "target_count")
    int targetCount;
    @Column(name = "delivered_count")
    int deliveredCount;
    @Column(name = "cursor_id")
    UUID cursorId;
    @Column(name = "created_at")
    Instant createdAt;

    protected NaiveAnnouncement() {
    }

    NaiveAnnouncement(String tenantId, NaiveTeamMember author, String text, int targetCount, Instant createdAt) {
        this.tenantId = tenantId;
        this.id = UUID.randomUUID();
        this.authorKind = "TEAM_MEMBER";
        this.authorId = author.id;
        this.authorName = author.displayName;
        this.text = text;
        this.allClients = true;
        this.status = "SENDING";
        this.targetCount = targetCount;
        this.createdAt = createdAt;
    }

    @Override
    public Keys.TenantUuid getId() {
        return new Keys.TenantUuid(tenantId, id);
    }
}

package io.clientportal.messaging.jpa;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A conversation an announcement targets. Written set-based in native SQL.
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingAnnouncementTarget")
@Table(name = "messaging_announcement_target")
class AnnouncementTargetEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "announcement_id", nullable = false) UUID announcementId,
               @Column(name = "conversation_id", nullable = false) UUID conversationId) {
    }

    @EmbeddedId
    private Key key;

    protected AnnouncementTargetEntity() {
    }
}

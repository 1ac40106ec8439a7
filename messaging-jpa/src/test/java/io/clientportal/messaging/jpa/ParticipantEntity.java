package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A team member's participation in a conversation. Written and read with native SQL (inbox scope, bulk moves).
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingParticipant")
@Table(name = "messaging_participant")
class ParticipantEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "conversation_id", nullable = false) UUID conversationId,
               @Column(name = "team_member_id", nullable = false, length = 255) String teamMemberId) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "access", nullable = false, length = 16)
    private String access;

    /** The conversation's activity, copied as its seqs are taken: what orders the member's inbox (V15). */
    @Column(name = "activity_at", nullable = false)
    private java.time.Instant activityAt;

    protected ParticipantEntity() {
    }
}

package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A team member's unread mention in a message. Written and read with native SQL ({@code MentionSql}). Only a
 * mapping for {@link SchemaTests}, which validates the shipped scripts against it.
 */
@Entity(name = "MessagingMention")
@Table(name = "messaging_mention")
class MentionEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "team_member_id", nullable = false, length = 255) String teamMemberId,
               @Column(name = "conversation_id", nullable = false) UUID conversationId,
               @Column(name = "seq", nullable = false) long seq) {
    }

    @EmbeddedId
    private Key key;

    protected MentionEntity() {
    }
}

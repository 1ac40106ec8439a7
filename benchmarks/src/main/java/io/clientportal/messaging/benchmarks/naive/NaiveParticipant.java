package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.UUID;

/** A team member added to a conversation. */
@Entity
@Table(name = "messaging_participant")
@IdClass(Keys.ParticipantKey.class)
public class NaiveParticipant {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "conversation_id")
    UUID conversationId;
    @Id
    @Column(name = "team_member_id")
    String teamMemberId;
    String access;

    protected NaiveParticipant() {
    }
}

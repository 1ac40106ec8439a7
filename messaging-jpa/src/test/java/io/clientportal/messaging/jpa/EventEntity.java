package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the event log (the transactional outbox). Appended in JDBC batches.
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingEvent")
@Table(name = "messaging_event")
class EventEntity {

    @Id
    @Column(name = "position", nullable = false)
    private long position;

    @Column(name = "tenant_id", nullable = false, length = 255)
    private String tenantId;

    @Column(name = "type", nullable = false, length = 64)
    private String type;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "payload", nullable = false, length = Texts.MAX_LENGTH)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EventEntity() {
    }
}

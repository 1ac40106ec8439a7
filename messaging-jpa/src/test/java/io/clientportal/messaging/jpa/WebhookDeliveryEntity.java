package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One webhook delivery (pending or dead). Written and claimed with native SQL ({@link WebhookDeliverySql}).
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingWebhookDelivery")
@Table(name = "messaging_webhook_delivery")
class WebhookDeliveryEntity {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "endpoint", nullable = false, length = 255)
    private String endpoint;

    @Column(name = "event_position", nullable = false)
    private long eventPosition;

    @Column(name = "tenant_id", nullable = false, length = 255)
    private String tenantId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "payload", nullable = false, length = Texts.MAX_LENGTH)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "dead", nullable = false)
    private boolean dead;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "trace_parent", length = 55)
    private String traceParent;

    @Column(name = "trace_state", length = 512)
    private String traceState;

    protected WebhookDeliveryEntity() {
    }
}

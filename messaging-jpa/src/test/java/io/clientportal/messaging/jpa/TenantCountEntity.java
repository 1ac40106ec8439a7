package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One slot of a tenant's countable, the slots summed when read. Only a mapping for {@link SchemaTests} (see
 * {@link ReadHorizonEntity}).
 */
@Entity(name = "MessagingTenantCount")
@Table(name = "messaging_tenant_count")
class TenantCountEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "slot", nullable = false) int slot) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "countable", nullable = false)
    private long countable;

    protected TenantCountEntity() {
    }
}

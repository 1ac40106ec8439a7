package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** The key of a row the library names: the tenant, then a time-ordered UUID. */
@Embeddable
record UuidKey(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "id", nullable = false) UUID id) {
}

package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The key of a directory entry: the tenant, then the host's id. */
@Embeddable
record DirectoryKey(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
                    @Column(name = "id", nullable = false, length = 255) String id) {
}

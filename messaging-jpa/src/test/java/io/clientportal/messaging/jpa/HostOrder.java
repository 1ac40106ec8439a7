package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host application's own entity, in the same persistence unit as the store's. */
@Entity(name = "HostOrder")
@Table(name = "host_order")
class HostOrder {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "description", length = 255)
    private String description;

    protected HostOrder() {
    }

    HostOrder(String id, String description) {
        this.id = id;
        this.description = description;
    }
}

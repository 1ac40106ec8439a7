package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row whose lock orders event positions by commit. */
@Entity(name = "MessagingEventCounter")
@Table(name = "messaging_event_counter")
class EventCounterEntity {

    @Id
    @Column(name = "id", nullable = false)
    private int id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    protected EventCounterEntity() {
    }
}

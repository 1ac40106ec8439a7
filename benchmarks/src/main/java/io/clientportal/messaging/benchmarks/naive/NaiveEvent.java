package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An outbox row, written in the transaction of the change it describes. */
@Entity
@Table(name = "bench_naive_event")
public class NaiveEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "naive_event")
    @SequenceGenerator(name = "naive_event", sequenceName = "bench_naive_event_seq", allocationSize = 50)
    Long id;
    @Column(name = "tenant_id")
    String tenantId;
    String type;
    @Column(name = "conversation_id")
    UUID conversationId;
    String payload;
    @Column(name = "created_at")
    Instant createdAt;

    protected NaiveEvent() {
    }

    NaiveEvent(String tenantId, String type, UUID conversationId, String payload, Instant createdAt) {
        this.tenantId = tenantId;
        this.type = type;
        this.conversationId = conversationId;
        this.payload = payload;
        this.createdAt = createdAt;
    }
}

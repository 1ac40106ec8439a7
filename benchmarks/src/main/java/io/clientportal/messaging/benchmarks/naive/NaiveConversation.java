package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A client account's conversation; {@code lastSeq} numbers its messages. */
@Entity
@Table(name = "messaging_conversation")
@IdClass(Keys.TenantUuid.class)
public class NaiveConversation {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    UUID id;
    @Column(name = "client_account_id")
    String clientAccountId;
    @Column(name = "client_name")
    String clientName;
    @Column(name = "last_seq")
    long lastSeq;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_message_at")
    Instant lastMessageAt;
    @Column(name = "activity_at")
    Instant activityAt;

    protected NaiveConversation() {
    }

    /** The next seq, with the activity moved to {@code at}. */
    long nextSeq(Instant at) {
        lastSeq++;
        lastMessageAt = at;
        activityAt = at;
        return lastSeq;
    }
}

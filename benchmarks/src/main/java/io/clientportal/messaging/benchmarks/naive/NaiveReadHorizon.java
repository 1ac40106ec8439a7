package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.UUID;

/** How far a reader has read a conversation. */
@Entity
@Table(name = "messaging_read_horizon")
@IdClass(Keys.HorizonKey.class)
public class NaiveReadHorizon extends NewAware<Keys.HorizonKey> {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "conversation_id")
    UUID conversationId;
    @Id
    @Column(name = "reader_kind")
    String readerKind;
    @Id
    @Column(name = "reader_id")
    String readerId;
    @Column(name = "last_read_seq")
    long lastReadSeq;

    protected NaiveReadHorizon() {
    }

    NaiveReadHorizon(Keys.HorizonKey key, long lastReadSeq) {
        this.tenantId = key.tenantId;
        this.conversationId = key.conversationId;
        this.readerKind = key.readerKind;
        this.readerId = key.readerId;
        this.lastReadSeq = lastReadSeq;
    }

    @Override
    public Keys.HorizonKey getId() {
        return new Keys.HorizonKey(tenantId, conversationId, readerKind, readerId);
    }
}

package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A reader's horizon in a conversation, with its read count. Moved under the conversation's lock in native SQL.
 * Only a mapping for {@link SchemaTests}, which validates the shipped scripts against it: the store never loads
 * this table through an entity manager, so the class is not in the store's (or a host's) persistence unit.
 */
@Entity(name = "MessagingReadHorizon")
@Table(name = "messaging_read_horizon")
class ReadHorizonEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "conversation_id", nullable = false) UUID conversationId,
               @Column(name = "reader_kind", nullable = false, length = 16) String readerKind,
               @Column(name = "reader_id", nullable = false, length = 255) String readerId) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "last_read_seq", nullable = false)
    private long lastReadSeq;

    @Column(name = "read_count", nullable = false)
    private long readCount;

    protected ReadHorizonEntity() {
    }
}

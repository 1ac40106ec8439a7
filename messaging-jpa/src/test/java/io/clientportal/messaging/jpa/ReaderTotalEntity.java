package io.clientportal.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One slot of a team member's kept total of read counts and of their participant total, the slots summed when
 * read. Only a mapping for {@link SchemaTests} (see {@link ReadHorizonEntity}).
 */
@Entity(name = "MessagingReaderTotal")
@Table(name = "messaging_reader_total")
class ReaderTotalEntity {

    @Embeddable
    record Key(@Column(name = "tenant_id", nullable = false, length = 255) String tenantId,
               @Column(name = "reader_kind", nullable = false, length = 16) String readerKind,
               @Column(name = "reader_id", nullable = false, length = 255) String readerId,
               @Column(name = "slot", nullable = false) int slot) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "read_count", nullable = false)
    private long readCount;

    /** The slot's share of the member's participant total (V15). */
    @Column(name = "participant_unread", nullable = false)
    private long participantUnread;

    protected ReaderTotalEntity() {
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.ClientUserRow;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A client user as the directory keeps it. */
@Entity(name = "MessagingClientUser")
@Table(name = "messaging_client_user")
class ClientUserEntity {

    @EmbeddedId
    private DirectoryKey key;

    @Column(name = "account_id", nullable = false, length = 255)
    private String accountId;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    protected ClientUserEntity() {
    }

    ClientUserEntity(String tenantId, ClientUserRow user) {
        this.key = new DirectoryKey(tenantId, user.id());
        update(user);
    }

    void update(ClientUserRow user) {
        this.accountId = user.accountId();
        this.displayName = user.displayName();
    }

    ClientUserRow toRow() {
        return new ClientUserRow(key.id(), accountId, displayName);
    }
}

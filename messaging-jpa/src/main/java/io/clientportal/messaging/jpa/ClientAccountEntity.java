package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.spi.ClientAccountRow;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A client account as the directory keeps it. */
@Entity(name = "MessagingClientAccount")
@Table(name = "messaging_client_account")
class ClientAccountEntity {

    @EmbeddedId
    private DirectoryKey key;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    protected ClientAccountEntity() {
    }

    ClientAccountEntity(String tenantId, ClientAccountRow account) {
        this.key = new DirectoryKey(tenantId, account.id());
        update(account);
    }

    void update(ClientAccountRow account) {
        this.name = account.name();
        this.kind = account.kind().name();
    }

    ClientAccountRow toRow() {
        return new ClientAccountRow(key.id(), name, AccountKind.valueOf(kind));
    }
}

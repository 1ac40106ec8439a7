package io.clientportal.messaging.spring.web.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A host application's own entity, in its own table and migration. */
@Entity
public class Invoice {

    @Id
    private Long id;

    @Column(name = "client_account_id")
    private String clientAccountId;

    @Column(name = "amount_cents")
    private long amountCents;

    protected Invoice() {
    }

    public Invoice(Long id, String clientAccountId, long amountCents) {
        this.id = id;
        this.clientAccountId = clientAccountId;
        this.amountCents = amountCents;
    }

    public Long getId() {
        return id;
    }

    public String getClientAccountId() {
        return clientAccountId;
    }
}

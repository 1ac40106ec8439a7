package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A client user of a client account. */
@Entity
@Table(name = "messaging_client_user")
@IdClass(Keys.TenantId.class)
public class NaiveClientUser {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    String id;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "display_name")
    String displayName;

    protected NaiveClientUser() {
    }
}

package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A team member of the host. */
@Entity
@Table(name = "messaging_team_member")
@IdClass(Keys.TenantId.class)
public class NaiveTeamMember {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    String id;
    @Column(name = "display_name")
    String displayName;
    String role;

    protected NaiveTeamMember() {
    }

    boolean isManager() {
        return role.equals("OWNER") || role.equals("ADMIN") || role.equals("MANAGER");
    }
}

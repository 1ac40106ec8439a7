package io.clientportal.messaging.jpa;

import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.TeamMemberRow;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A team member as the directory keeps it. */
@Entity(name = "MessagingTeamMember")
@Table(name = "messaging_team_member")
class TeamMemberEntity {

    @EmbeddedId
    private DirectoryKey key;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    protected TeamMemberEntity() {
    }

    TeamMemberEntity(String tenantId, TeamMemberRow member) {
        this.key = new DirectoryKey(tenantId, member.id());
        update(member);
    }

    void update(TeamMemberRow member) {
        this.displayName = member.displayName();
        this.role = member.role().name();
    }

    TeamMemberRow toRow() {
        return new TeamMemberRow(key.id(), displayName, TeamRole.valueOf(role));
    }
}

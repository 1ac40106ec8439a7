package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.TeamRole;

import java.util.Objects;

/**
 * A team member as a store keeps it.
 *
 * @param id          the host's id, never {@code null}
 * @param displayName never {@code null}
 * @param role        never {@code null}
 */
public record TeamMemberRow(String id, String displayName, TeamRole role) {

    public TeamMemberRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(displayName, "displayName must not be null");
        Objects.requireNonNull(role, "role must not be null");
    }
}

package io.clientportal.messaging.model;

/**
 * A member of the host's team, as synchronised by the host through the directory.
 *
 * @param id          the host's id of the team member
 * @param displayName the name shown to others
 * @param role        the team role
 */
public record TeamMember(String id, String displayName, TeamRole role) {
}

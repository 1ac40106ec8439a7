package io.clientportal.messaging.model;

/**
 * A team member added to a conversation.
 *
 * @param teamMemberId the team member's id
 * @param displayName  the team member's name
 * @param role         the team member's role
 * @param access       the effective access: always {@link Access#READ_ONLY} for a watcher, always
 *                     {@link Access#WRITE} for owners, admins and managers
 */
public record Participant(String teamMemberId, String displayName, TeamRole role, Access access) {
}

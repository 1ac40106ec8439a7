package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.Access;

import java.util.Objects;

/**
 * A participant of a conversation with their directory entry, as a store reads them together.
 *
 * @param member the team member, never {@code null}
 * @param access the stored access, never {@code null} (the core decides what a role makes of it)
 */
public record ParticipantRow(TeamMemberRow member, Access access) {

    public ParticipantRow {
        Objects.requireNonNull(member, "member must not be null");
        Objects.requireNonNull(access, "access must not be null");
    }
}

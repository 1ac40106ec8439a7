package io.clientportal.messaging.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Who on the team handles a conversation and where it stands: what the team sees of it, and clients never do.
 *
 * @param assigneeId   the team member it is assigned to, {@code null} when unassigned
 * @param assigneeName that member's display name, {@code null} when unassigned
 * @param status       the team status, never {@code null}
 * @param changedAt    when the assignee or the status last changed, {@code null} if they never did
 */
public record TeamState(String assigneeId, String assigneeName, ConversationStatus status, Instant changedAt) {

    public TeamState {
        Objects.requireNonNull(status, "status must not be null");
    }
}

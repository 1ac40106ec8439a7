package io.clientportal.messaging.model;

import java.time.Instant;

/**
 * A reply template of the team, shared by everyone on the team of one tenant; clients never see it. Its text may
 * hold placeholders ({@code {{client.name}}}, ...) that {@code SavedReplies.render} fills for a conversation.
 *
 * @param id        never {@code null}
 * @param title     what the team sees in the picker, never {@code null}
 * @param shortcut  what a team member types after {@code /} to pick it; unique in the tenant, lower case
 * @param text      the template, placeholders unfilled, never {@code null}
 * @param createdBy the id of the team member who created it, never {@code null}
 * @param updatedAt when it was created or last changed, never {@code null}
 * @param version   1 when created, one more with every change; an update names the version it read
 */
public record SavedReply(SavedReplyId id, String title, String shortcut, String text, String createdBy,
                         Instant updatedAt, long version) {
}

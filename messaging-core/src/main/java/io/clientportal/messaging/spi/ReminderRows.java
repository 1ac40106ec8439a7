package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.util.Optional;

/**
 * The unit of work's view of follow-up reminders ({@link ReminderRow}), one row per conversation of the tenant.
 * The core decides when one is due and when it is done; a store keeps the rows.
 */
public interface ReminderRows {

    /** Writes the row as given (lease included), replacing the conversation's row if there is one. */
    void save(ReminderRow row);

    /** Removes the conversation's row, if there is one. */
    void delete(ConversationId conversationId);

    /** The conversation's row, locked for update until the unit ends, if there is one. */
    Optional<ReminderRow> lock(ConversationId conversationId);
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.ReminderRow;
import io.clientportal.messaging.spi.ReminderRows;

import java.util.Optional;

/** Follow-up reminders of one tenant, in memory; units of work here never overlap, so a lock is the store's. */
final class MemoryReminders implements ReminderRows {

    private final TenantData data;
    private final UndoLog undo;

    MemoryReminders(TenantData data, UndoLog undo) {
        this.data = data;
        this.undo = undo;
    }

    @Override
    public void save(ReminderRow row) {
        data.reminders.put(undo, row.conversationId(), row);
    }

    @Override
    public void delete(ConversationId conversationId) {
        data.reminders.remove(undo, conversationId);
    }

    @Override
    public Optional<ReminderRow> lock(ConversationId conversationId) {
        return data.reminders.find(conversationId);
    }
}

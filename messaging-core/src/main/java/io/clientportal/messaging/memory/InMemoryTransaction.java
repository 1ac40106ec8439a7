package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.StoreTransaction;

/** A unit of work over one tenant's tables: its areas share the unit's undo log. */
record InMemoryTransaction(String tenantId, MemoryDirectory directory, MemoryConversations conversations,
                           MemoryMessages messages, MemoryReadState readState, MemoryAnnouncements announcements,
                           MemoryAttachments attachments, MemoryEvents events,
                           MemoryNotifications notifications, MemorySavedReplies savedReplies,
                           MemoryMentions mentions, MemoryReminders reminders)
        implements StoreTransaction {

    static InMemoryTransaction of(String tenantId, TenantData data, InMemoryMessagingStore store, UndoLog undo) {
        MemoryConversations conversations = new MemoryConversations(data, undo);
        MemoryMessages messages = new MemoryMessages(data, undo);
        return new InMemoryTransaction(tenantId, new MemoryDirectory(data, undo), conversations, messages,
                new MemoryReadState(data, undo, messages),
                new MemoryAnnouncements(data, undo, conversations, messages), new MemoryAttachments(data, undo),
                new MemoryEvents(tenantId, store, undo), new MemoryNotifications(data, undo),
                new MemorySavedReplies(data, undo), new MemoryMentions(data, undo), new MemoryReminders(data, undo));
    }
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.EventRows;
import io.clientportal.messaging.spi.NewEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event log as one unit of work writes it: the store's one log, shared by every tenant. */
record MemoryEvents(String tenantId, InMemoryMessagingStore store, UndoLog undo) implements EventRows {

    @Override
    public void append(List<NewEvent> events) {
        for (NewEvent event : events) {
            store.append(tenantId, event, undo);
        }
    }

    @Override
    public List<EventRecord> ofConversation(ConversationId id, Set<String> types, String mention) {
        return store.conversationEvents(tenantId, id, types, mention);
    }

    @Override
    public void rewritePayloads(Map<Long, String> payloads) {
        store.rewritePayloads(payloads, undo);
    }

    @Override
    public void eraseConversation(ConversationId id, String type, String payload) {
        store.erase(tenantId, id, type, payload, undo);
    }
}

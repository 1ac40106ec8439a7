package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the event log from saying more than the data it records. An event is a copy of what changed, kept for
 * replays (a stream resumed from an earlier id) and webhook deliveries (retried, dead, replayed): once a message is
 * edited or deleted, its earlier events would serve the old text, the deleted text and the metadata of removed
 * attachments again, to clients, receivers and anyone who reads the database. So, in the unit of work of the edit
 * or delete, those events are rewritten in the store to carry the message as it now is; the events of a deleted
 * client account's conversation are erased. The core decides what the events say; the store finds and overwrites.
 */
final class EventRedaction {

    private final EventCodec codec;

    EventRedaction(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * Rewrites the logged events about {@code current}'s message (and their undelivered webhook copies) to carry
     * it as it now is. Call after the edit or delete was written, with the message read back from the store.
     */
    void restate(StoreTransaction store, Message current) {
        Map<Long, String> payloads = new LinkedHashMap<>();
        for (EventRecord record : store.events().ofConversation(current.conversationId(), EventCodec.MESSAGE_TYPES,
                current.id().value().toString())) {
            String payload = codec.restated(record, current);
            if (payload != null) {
                payloads.put(record.position(), payload);
            }
        }
        if (!payloads.isEmpty()) {
            store.events().rewritePayloads(payloads);
        }
    }

    /** Erases every logged event of a conversation being deleted, and drops their undelivered webhook copies. */
    void erase(StoreTransaction store, ConversationId id) {
        store.events().eraseConversation(id, EventCodec.ERASED_TYPE, EventCodec.ERASED_PAYLOAD);
    }
}

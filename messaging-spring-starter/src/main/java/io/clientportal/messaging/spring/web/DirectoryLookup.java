package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.MessagingStore;

import java.util.Optional;

/**
 * Trusted look-ups the public API has no call for (a client user's profile, the conversation a message is in),
 * read from the store. Only used to shape answers and to refuse mismatched paths: every action is still authorised
 * by the core.
 */
final class DirectoryLookup {

    private final Messaging messaging;
    private final MessagingStore store;

    /** @param store the store, or {@code null} when the application built its engine without a store bean */
    DirectoryLookup(Messaging messaging, MessagingStore store) {
        this.messaging = messaging;
        this.store = store;
    }

    Optional<ClientUser> clientUser(String id) {
        if (store == null) {
            return Optional.empty();
        }
        return store.read(messaging.tenantId(), tx -> tx.clientUser(id));
    }

    /** Whether the message is in the conversation; true when it can't be told (the core then decides alone). */
    boolean isIn(MessageId messageId, ConversationId conversationId) {
        if (store == null) {
            return true;
        }
        Optional<Message> message = store.read(messaging.tenantId(), tx -> tx.message(messageId));
        return message.map(m -> m.conversationId().equals(conversationId)).orElse(true);
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.StoreTransaction;

/** Which conversations an actor sees, as a store query scope. */
final class Scopes {

    private Scopes() {
    }

    /** The actor's scope; NotFound for an actor the directory does not know. */
    static ConversationScope of(StoreTransaction store, Authorizer.Subject subject) {
        if (subject.isManager()) {
            return ConversationScope.all();
        }
        if (subject.role() != null) {
            return ConversationScope.participantOf(subject.actor().id());
        }
        if (subject.accountId() != null) {
            ConversationRow conversation = store.conversations().ofAccount(subject.accountId())
                    .orElseThrow(Errors::unknownActor);
            return ConversationScope.only(conversation.id());
        }
        throw Errors.unknownActor();
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.Page;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for tests that drive the library through its public API. */
final class Nodes {

    private Nodes() {
    }

    /** The whole history of a conversation, page by page. */
    static List<Message> history(Messaging messaging, Actor actor, ConversationId id) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<Message> page = messaging.messages().history(actor, id, HistoryQuery.after(after, 200));
            all.addAll(page.items());
            if (page.items().isEmpty() || page.nextCursor() == null) {
                return all;
            }
            after = page.items().get(page.items().size() - 1).seq();
        }
    }
}

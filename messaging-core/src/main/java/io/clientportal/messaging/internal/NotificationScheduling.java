package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ParticipantRow;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes notifications due in the unit of work of the post (or announcement chunk) that makes them due, so that a
 * message that commits has its notification scheduled durably, and one that rolls back has none.
 */
final class NotificationScheduling {

    /** Notifications off: nothing is scheduled, nothing touches the store. */
    static final NotificationScheduling OFF = new NotificationScheduling(null);

    /** The order every unit locks recipients' rows in, so that two units never wait for each other in a cycle. */
    private static final Comparator<Actor> LOCK_ORDER = Comparator.comparing(Actor::kind).thenComparing(Actor::id);

    private final NotificationSettings settings;

    NotificationScheduling(NotificationSettings settings) {
        this.settings = settings;
    }

    boolean on() {
        return settings != null;
    }

    /**
     * A post: its conversation's client users, participating team members and the team members it mentions, but its
     * author, are due to be told after their audience's delay. Owners, admins and managers who are neither
     * participants nor mentioned are not told.
     */
    void posted(StoreTransaction store, String clientAccountId, MessageRow message) {
        if (settings == null) {
            return;
        }
        ReminderScheduling.posted(store, settings, message);
        Map<Actor, java.time.Instant> due = new TreeMap<>(LOCK_ORDER);
        for (ClientUserRow user : store.directory().clientUsers(clientAccountId)) {
            Actor recipient = Actor.clientUser(user.id());
            if (NotificationRules.mayTell(recipient, message)) {
                due.put(recipient, message.createdAt().plus(settings.clientDelay()));
            }
        }
        for (ParticipantRow participant : store.conversations().participants(message.conversationId())) {
            Actor recipient = Actor.teamMember(participant.member().id());
            if (NotificationRules.mayTell(recipient, message)) {
                due.put(recipient, message.createdAt().plus(settings.teamDelay()));
            }
        }
        // Whoever it mentions is told too, participant or not (a mention is only accepted for who sees it).
        for (String mentioned : message.mentions()) {
            due.putIfAbsent(Actor.teamMember(mentioned), message.createdAt().plus(settings.teamDelay()));
        }
        due.remove(message.author());
        due.forEach(store.notifications()::schedule);
    }

    /** An announcement's chunk: the client users of every conversation it reached, unless announcements don't. */
    void announced(StoreTransaction store, Collection<MessageRow> delivered) {
        if (settings == null || !settings.announcements() || delivered.isEmpty()) {
            return;
        }
        List<ConversationId> ids = delivered.stream().map(MessageRow::conversationId).distinct().toList();
        java.time.Instant at = delivered.iterator().next().createdAt().plus(settings.clientDelay());
        if (store.notifications().scheduleClientsOf(ids, at)) {
            return;
        }
        Map<Actor, java.time.Instant> due = new TreeMap<>(LOCK_ORDER);
        for (String accountId : new java.util.TreeSet<>(store.conversations().accounts(ids).values())) {
            for (ClientUserRow user : store.directory().clientUsers(accountId)) {
                due.put(Actor.clientUser(user.id()), at);
            }
        }
        due.forEach(store.notifications()::schedule);
    }
}

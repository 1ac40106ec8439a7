package io.clientportal.messaging.internal;

import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ReminderRow;
import io.clientportal.messaging.spi.StoreTransaction;

/**
 * Keeps a conversation's follow-up reminder in step with its visible messages, in the unit of work of the post (so
 * a post that commits has its reminder scheduled or cancelled durably): the team's message makes the reminder due
 * after the settings' time, replacing any earlier one (so there is at most one per unanswered team message); a
 * client's message cancels it. A note changes nothing: the client never saw it, so it asks no answer.
 */
final class ReminderScheduling {

    private ReminderScheduling() {
    }

    static void posted(StoreTransaction store, NotificationSettings settings, MessageRow message) {
        if (!settings.remindersOn() || message.internal()) {
            return;
        }
        if (message.author().isTeamMember()) {
            store.reminders().save(new ReminderRow(message.conversationId(), message.id(), message.author().id(),
                    message.createdAt().plus(settings.remindersAfter()), null, null));
        } else {
            store.reminders().delete(message.conversationId());
        }
    }
}

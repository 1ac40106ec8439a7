package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.spi.MessageRow;

/**
 * What a notification may say to whom, said once. A client user's notification is put together from what they
 * may see in the conversation (the same counts and history the core answers them with); internal notes must never
 * be in it, nor make one due.
 */
final class NotificationRules {

    private NotificationRules() {
    }

    /**
     * Whether {@code recipient} may be told about {@code message}: every message a client user sees (never an
     * internal note), and every one for the team: the rule of {@link Notes#maySee}.
     */
    static boolean mayTell(Actor recipient, MessageRow message) {
        return Notes.maySee(recipient, message);
    }
}

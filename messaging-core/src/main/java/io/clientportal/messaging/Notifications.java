package io.clientportal.messaging;

import io.clientportal.messaging.model.NotificationPreferences;

/**
 * Unread-message notifications: each person's preferences, and the due notifications this node sends.
 */
public interface Notifications {

    /**
     * The actor's own notification preferences; {@link NotificationPreferences#defaults()} until they set some.
     *
     * @throws NotFoundException when the directory does not know the actor
     */
    NotificationPreferences preferences(Actor actor);

    /**
     * Sets the actor's own notification preferences. OFF clears what is pending for them.
     *
     * @throws NotFoundException     when the directory does not know the actor (nothing changes)
     * @throws InvalidInputException for preferences out of range, naming the field
     */
    NotificationPreferences setPreferences(Actor actor, NotificationPreferences preferences);

    /**
     * Sends, now and on the calling thread, the notifications of every tenant that are due and that no node holds:
     * what the engine's own poll does every {@link NotificationSettings#pollInterval()}. A trusted call for hosts
     * that drive scheduling themselves, and for tests; the same for every tenant view.
     *
     * @return how many notifications were sent
     */
    int sendDue();
}

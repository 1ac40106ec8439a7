package io.clientportal.messaging;

import io.clientportal.messaging.model.InboundReply;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.model.ReplyOutcome;

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
     * Due follow-up reminders are sent in the same call, when they are on.
     *
     * @return how many notifications were sent (a reminder counts once, however many client users it told)
     */
    int sendDue();

    /**
     * Posts a reply to a notification email as the person its token names, into the conversation it names, once:
     * the email's Message-ID is the idempotency key, so the same mail received twice (or by two nodes) posts one
     * message. Quoted history and the signature are stripped from the text; attachments go through the upload
     * checks, and those refused are left out (the text is still posted). A forged or expired token, a person who
     * may no longer post there, or nothing left to post is refused and logged, never with the text. A trusted call
     * (the token decides), the same for every tenant view; needs {@link MessagingBuilder#replyTokens}.
     *
     * @throws UnsupportedOperationException when this implementation takes no replies
     */
    default ReplyOutcome receiveReply(InboundReply reply) {
        throw new UnsupportedOperationException("replies by email are not available here");
    }
}

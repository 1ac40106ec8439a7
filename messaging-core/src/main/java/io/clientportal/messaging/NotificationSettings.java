package io.clientportal.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how people who are not looking are told about unread messages ({@link MessagingBuilder#notifications}).
 * Notifications are sent only when the engine has at least one {@code NotificationSender}.
 *
 * @param clientDelay        how long a message must stay unread by a client user before they are told
 * @param teamDelay          how long a message must stay unread by a participating team member before they are told
 * @param interval           the least time between two notifications to one person (preference EACH); what is
 *                           unread meanwhile waits for the next one
 * @param announcements      whether an announcement notifies its targets' client users
 * @param includeMessageText whether notifications carry the newest messages' text; {@code false} for portals that
 *                           must not put message text in email (then only who wrote and how many wait)
 * @param lease              how long a node's claim on a due notification keeps other nodes off it: a node that dies
 *                           after claiming is replaced after about this long (and the notification sent again,
 *                           with the same id)
 * @param pollInterval       how often each node looks for due notifications
 * @param remindersAfter     how long a client may leave the team's last message unanswered before their client users
 *                           get one follow-up reminder; {@code null} (the default) for no reminders
 */
public record NotificationSettings(Duration clientDelay, Duration teamDelay, Duration interval, boolean announcements,
                                   boolean includeMessageText, Duration lease, Duration pollInterval,
                                   Duration remindersAfter) {

    /** Unread for 5 minutes, a client user is told. */
    public static final Duration DEFAULT_CLIENT_DELAY = Duration.ofMinutes(5);
    /** Unread for 10 minutes, a participating team member is told. */
    public static final Duration DEFAULT_TEAM_DELAY = Duration.ofMinutes(10);
    /** At most one notification per person every 15 minutes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    /** A claim on a due notification lasts 2 minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** Every node looks for due notifications every 10 seconds. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    public NotificationSettings {
        positive(clientDelay, "clientDelay");
        positive(teamDelay, "teamDelay");
        positive(interval, "interval");
        positive(lease, "lease");
        positive(pollInterval, "pollInterval");
        if (remindersAfter != null) {
            positive(remindersAfter, "remindersAfter");
        }
    }

    /** Settings without follow-up reminders (as before reminders existed). */
    public NotificationSettings(Duration clientDelay, Duration teamDelay, Duration interval, boolean announcements,
                                boolean includeMessageText, Duration lease, Duration pollInterval) {
        this(clientDelay, teamDelay, interval, announcements, includeMessageText, lease, pollInterval, null);
    }

    /** Every setting at its default: announcements notify, message text included. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(DEFAULT_CLIENT_DELAY, DEFAULT_TEAM_DELAY, DEFAULT_INTERVAL, true, true,
                DEFAULT_LEASE, DEFAULT_POLL_INTERVAL);
    }

    /** These settings with other delays. */
    public NotificationSettings withDelays(Duration clientDelay, Duration teamDelay) {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, remindersAfter);
    }

    /** These settings with another interval between two notifications to one person. */
    public NotificationSettings withInterval(Duration interval) {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, remindersAfter);
    }

    /** These settings with announcements notifying or not. */
    public NotificationSettings withAnnouncements(boolean announcements) {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, remindersAfter);
    }

    /** These settings with message text in notifications or not. */
    public NotificationSettings withMessageText(boolean includeMessageText) {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, remindersAfter);
    }

    /** These settings with another lease and poll interval. */
    public NotificationSettings withScheduling(Duration lease, Duration pollInterval) {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, remindersAfter);
    }

    /**
     * These settings with follow-up reminders after {@code after} unanswered, or none ({@code null}).
     *
     * @param after positive, or {@code null} for no reminders
     */
    public NotificationSettings withReminders(Duration after) {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, after);
    }

    /** Whether follow-up reminders are on. */
    public boolean remindersOn() {
        return remindersAfter != null;
    }

    /** The delay for a recipient of this kind. */
    public Duration delayFor(Actor recipient) {
        return recipient.isTeamMember() ? teamDelay : clientDelay;
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

package io.clientportal.messaging.spring;

import io.clientportal.messaging.NotificationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code messaging.notifications.*} settings: unread-message notifications, by email when the application has
 * Boot's mail starter. Defaults are {@link NotificationSettings}'s constants.
 */
@ConfigurationProperties("messaging.notifications")
public class NotificationProperties {

    /**
     * Whether unread messages are notified at all. Notifications are sent only when there is a sender: the email
     * sender when the application has a {@code JavaMailSender} (Boot's mail starter and {@code spring.mail.host}),
     * or a {@code NotificationSender} bean of its own.
     */
    private boolean enabled = true;

    /** How long a message must stay unread by a client user before they are told. */
    private Duration clientDelay = NotificationSettings.DEFAULT_CLIENT_DELAY;

    /** How long a message must stay unread by a participating team member before they are told. */
    private Duration teamDelay = NotificationSettings.DEFAULT_TEAM_DELAY;

    /** The least time between two notifications to one person (preference EACH). */
    private Duration interval = NotificationSettings.DEFAULT_INTERVAL;

    /** Whether an announcement notifies the client users it reaches. */
    private boolean announcements = true;

    /**
     * Whether notifications carry the newest messages' text. {@code false} for portals that must not put message
     * text in email (legal, health): then they say only who wrote and how many messages wait.
     */
    private boolean includeMessageText = true;

    /** How long a node's claim on a due notification keeps other nodes off it. */
    private Duration lease = NotificationSettings.DEFAULT_LEASE;

    /** How often each node looks for due notifications. */
    private Duration pollInterval = NotificationSettings.DEFAULT_POLL_INTERVAL;

    /**
     * The link into the portal for one conversation, with {@code {conversationId}} and {@code {clientAccountId}}
     * replaced, e.g. {@code https://portal.example/messages/{conversationId}}. Unset: emails carry no link.
     */
    private String linkTemplate;

    /**
     * The public origin the one-click unsubscribe link points at, e.g. {@code https://portal.example} (the API's
     * base path and {@code /notifications/unsubscribe} follow). Unset: the origin of {@code link-template}.
     */
    private String publicUrl;

    /**
     * The secret that signs unsubscribe tokens (HMAC-SHA256), at least 32 characters. Required when emails are
     * sent: startup fails without it.
     */
    private String signingSecret;

    /** How long an unsubscribe link keeps working. */
    private Duration unsubscribeTokenTtl = Duration.ofDays(90);

    /** Email settings. */
    private final Mail mail = new Mail();

    /** Follow-up reminders to clients who leave the team's last message unanswered. */
    private final Reminders reminders = new Reminders();

    /** The core's settings from these properties. */
    public NotificationSettings toSettings() {
        return new NotificationSettings(clientDelay, teamDelay, interval, announcements, includeMessageText, lease,
                pollInterval, reminders.getAfter());
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getClientDelay() {
        return clientDelay;
    }

    public void setClientDelay(Duration clientDelay) {
        this.clientDelay = clientDelay;
    }

    public Duration getTeamDelay() {
        return teamDelay;
    }

    public void setTeamDelay(Duration teamDelay) {
        this.teamDelay = teamDelay;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public boolean isAnnouncements() {
        return announcements;
    }

    public void setAnnouncements(boolean announcements) {
        this.announcements = announcements;
    }

    public boolean isIncludeMessageText() {
        return includeMessageText;
    }

    public void setIncludeMessageText(boolean includeMessageText) {
        this.includeMessageText = includeMessageText;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getLinkTemplate() {
        return linkTemplate;
    }

    public void setLinkTemplate(String linkTemplate) {
        this.linkTemplate = linkTemplate;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public Duration getUnsubscribeTokenTtl() {
        return unsubscribeTokenTtl;
    }

    public void setUnsubscribeTokenTtl(Duration unsubscribeTokenTtl) {
        this.unsubscribeTokenTtl = unsubscribeTokenTtl;
    }

    public Mail getMail() {
        return mail;
    }

    public Reminders getReminders() {
        return reminders;
    }

    /** {@code messaging.notifications.reminders.*}. */
    public static class Reminders {

        /**
         * How long a client may leave the team's last message unanswered before its client users get one reminder
         * (and the team a note of it in the timeline); unset (the default) for no reminders.
         */
        private Duration after;

        public Duration getAfter() {
            return after;
        }

        public void setAfter(Duration after) {
            this.after = after;
        }
    }

    /** {@code messaging.notifications.mail.*}. */
    public static class Mail {

        /** Whether notifications are emailed when the application has a {@code JavaMailSender}. */
        private boolean enabled = true;

        /** The sender address, e.g. {@code Portal <no-reply@portal.example>}; unset: the mail session's default. */
        private String from;

        /**
         * Where the templates are ({@code notification.txt}, {@code notification.html}, ...; localised as
         * {@code notification_de.html}); the starter's own under {@code classpath:META-INF/messaging/mail/} serve
         * what a folder given here lacks.
         */
        private String templateLocation = "classpath:META-INF/messaging/mail/";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTemplateLocation() {
            return templateLocation;
        }

        public void setTemplateLocation(String templateLocation) {
            this.templateLocation = templateLocation;
        }
    }
}

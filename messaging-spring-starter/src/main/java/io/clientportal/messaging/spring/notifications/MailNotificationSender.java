package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.model.Notification;
import io.clientportal.messaging.spi.NotificationSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Emails notifications through Spring's {@link JavaMailSender}: multipart plain text and HTML from
 * {@link NotificationMailTemplates}, a link into the portal per conversation, and RFC 8058 one-click unsubscribe
 * ({@code List-Unsubscribe} with a signed token, {@code List-Unsubscribe-Post}). A person without an address (the
 * host's {@code RecipientDirectory} has none) gets no email.
 */
public class MailNotificationSender implements NotificationSender {

    /** The header that carries the notification's stable id, for deduplication downstream. */
    public static final String ID_HEADER = "X-Messaging-Notification-Id";
    private static final Logger log = LoggerFactory.getLogger(MailNotificationSender.class);

    private final JavaMailSender mail;
    private final NotificationMailTemplates templates;
    private final UnsubscribeTokens tokens;
    private final String from;
    private final String linkTemplate;
    private final String unsubscribeUrl;
    private final ReplyAddresses replies;

    /**
     * @param from           the sender address, or {@code null} for the mail session's default
     * @param linkTemplate   the portal link with {@code {conversationId}} and {@code {clientAccountId}}, or
     *                       {@code null} for none
     * @param unsubscribeUrl the absolute URL of {@code POST .../notifications/unsubscribe}, without the query
     */
    public MailNotificationSender(JavaMailSender mail, NotificationMailTemplates templates, UnsubscribeTokens tokens,
                                  String from, String linkTemplate, String unsubscribeUrl) {
        this(mail, templates, tokens, from, linkTemplate, unsubscribeUrl, null);
    }

    /**
     * As the other constructor, with replies by email: {@code Reply-To} is the person's reply address for the
     * notification's newest conversation (a notification covering several names the one with the newest
     * activity; replies about the others go there too).
     *
     * @param replies the reply addresses, or {@code null} for no {@code Reply-To}
     */
    public MailNotificationSender(JavaMailSender mail, NotificationMailTemplates templates, UnsubscribeTokens tokens,
                                  String from, String linkTemplate, String unsubscribeUrl, ReplyAddresses replies) {
        this.replies = replies;
        this.mail = Objects.requireNonNull(mail, "mail must not be null");
        this.templates = Objects.requireNonNull(templates, "templates must not be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
        this.from = from;
        this.linkTemplate = linkTemplate;
        this.unsubscribeUrl = Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl must not be null");
    }

    @Override
    public void send(Notification notification) {
        if (notification.recipient().emailAddress().isEmpty()) {
            log.debug("Notification {}: no email address for {} {}", notification.id(),
                    notification.recipient().actor().kind(), notification.recipient().actor().id());
            return;
        }
        String unsubscribe = unsubscribeUrl + "?token=" + URLEncoder.encode(
                tokens.issue(notification.tenantId(), notification.recipient().actor()), StandardCharsets.UTF_8);
        Map<String, String> links = new HashMap<>();
        if (linkTemplate != null && !linkTemplate.isBlank()) {
            for (Notification.ConversationUnread conversation : notification.conversations()) {
                links.put(conversation.conversationId().toString(), linkTemplate
                        .replace("{conversationId}", conversation.conversationId().toString())
                        .replace("{clientAccountId}", URLEncoder.encode(conversation.clientAccountId(),
                                StandardCharsets.UTF_8)));
            }
        }
        NotificationMailTemplates.RenderedMail rendered = templates.render(notification, links, unsubscribe);
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setTo(notification.recipient().emailAddress().get());
            if (from != null && !from.isBlank()) {
                helper.setFrom(from);
            }
            if (replies != null) {
                helper.setReplyTo(replies.addressFor(notification.tenantId(), notification.recipient().actor(),
                        notification.conversations().get(0).conversationId()));
            }
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader(ID_HEADER, notification.id().toString());
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException e) {
            throw new MailPreparationException("could not prepare notification " + notification.id(), e);
        }
        mail.send(message);
        log.debug("Notification {} emailed", notification.id());
    }
}

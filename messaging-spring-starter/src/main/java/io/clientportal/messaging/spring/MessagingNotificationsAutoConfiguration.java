package io.clientportal.messaging.spring;

import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.spring.notifications.MailNotificationSender;
import io.clientportal.messaging.spring.notifications.NotificationMailTemplates;
import io.clientportal.messaging.spring.notifications.ReplyAddresses;
import io.clientportal.messaging.spring.notifications.UnsubscribeTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.javamail.JavaMailSender;

import java.net.URI;
import java.time.Clock;

/**
 * Unread-message notifications: the core's {@link NotificationSettings} from {@code messaging.notifications.*}
 * (the {@code Messaging} bean takes every {@code NotificationSender} bean and the {@code RecipientDirectory} bean),
 * and the email sender when the application has a {@link JavaMailSender} (Boot's mail starter with
 * {@code spring.mail.host}). Without any sender nothing is scheduled, so nothing changes for an application that
 * sends no mail.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties({NotificationProperties.class, MessagingProperties.class})
public class MessagingNotificationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "messaging.notifications.enabled", matchIfMissing = true)
    NotificationSettings messagingNotificationSettings(NotificationProperties properties) {
        return properties.toSettings();
    }

    /**
     * Signs and checks one-click unsubscribe tokens, whenever a signing secret is set (the email sender needs it;
     * a host's own sender may use it too).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "messaging.notifications.signing-secret")
    UnsubscribeTokens messagingUnsubscribeTokens(NotificationProperties properties, ObjectProvider<Clock> clock) {
        return new UnsubscribeTokens(properties.getSigningSecret(), properties.getUnsubscribeTokenTtl(),
                clock.getIfUnique(Clock::systemUTC));
    }

    /** Email, when the application can send it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JavaMailSender.class, jakarta.mail.internet.MimeMessage.class})
    @ConditionalOnBean(JavaMailSender.class)
    @ConditionalOnBooleanProperty(name = {"messaging.notifications.enabled", "messaging.notifications.mail.enabled"},
            matchIfMissing = true)
    static class Mail {

        @Bean
        @ConditionalOnMissingBean
        NotificationMailTemplates messagingNotificationMailTemplates(ResourceLoader resources,
                                                                     NotificationProperties properties) {
            return new NotificationMailTemplates(resources, properties.getMail().getTemplateLocation());
        }

        @Bean
        @ConditionalOnMissingBean
        MailNotificationSender messagingMailNotificationSender(JavaMailSender mail,
                                                               NotificationMailTemplates templates,
                                                               ObjectProvider<UnsubscribeTokens> tokens,
                                                               NotificationProperties properties,
                                                               MessagingProperties messaging,
                                                               ObjectProvider<ReplyAddresses> replies) {
            // Refuses to start without a signing secret: unsigned links would let anyone unsubscribe anyone.
            UnsubscribeTokens signer = tokens.getIfAvailable(() -> {
                throw new IllegalStateException("Messaging sends notification emails (the application has a "
                        + "JavaMailSender) but messaging.notifications.signing-secret is not set: set a random secret "
                        + "of at least " + UnsubscribeTokens.MIN_SECRET_LENGTH + " characters (it signs the one-click "
                        + "unsubscribe links), or turn email off with messaging.notifications.mail.enabled=false");
            });
            return new MailNotificationSender(mail, templates, signer, properties.getMail().getFrom(),
                    properties.getLinkTemplate(), unsubscribeUrl(properties, messaging), replies.getIfUnique());
        }

        /** The public origin, then the API's base path and the endpoint. */
        static String unsubscribeUrl(NotificationProperties properties, MessagingProperties messaging) {
            String origin = properties.getPublicUrl();
            if ((origin == null || origin.isBlank()) && properties.getLinkTemplate() != null) {
                URI link = URI.create(properties.getLinkTemplate().replace("{", "").replace("}", ""));
                if (link.getScheme() != null && link.getRawAuthority() != null) {
                    origin = link.getScheme() + "://" + link.getRawAuthority();
                }
            }
            if (origin == null || origin.isBlank()) {
                throw new IllegalStateException("Messaging sends notification emails but can't tell where their "
                        + "unsubscribe link points: set messaging.notifications.public-url (e.g. "
                        + "https://portal.example) or an absolute messaging.notifications.link-template");
            }
            String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
            String basePath = messaging.getWeb().getBasePath().trim();
            basePath = basePath.startsWith("/") ? basePath : "/" + basePath;
            while (basePath.endsWith("/")) {
                basePath = basePath.substring(0, basePath.length() - 1);
            }
            return trimmed + basePath + "/notifications/unsubscribe";
        }
    }
}

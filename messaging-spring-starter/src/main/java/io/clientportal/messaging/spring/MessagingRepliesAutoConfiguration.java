package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.ReplyTokens;
import io.clientportal.messaging.spring.notifications.ImapReplyPoller;
import io.clientportal.messaging.spring.notifications.InboundMailReader;
import io.clientportal.messaging.spring.notifications.ReplyAddresses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Replies by email ({@code messaging.notifications.reply.*}): when a reply address ({@code domain} or
 * {@code address-template}) and {@code messaging.notifications.signing-secret} are set, the {@link ReplyTokens}
 * (the {@code Messaging} bean checks replies with them), the {@link ReplyAddresses} (the email sender puts one in
 * {@code Reply-To}), the {@link InboundMailReader} behind {@code POST {base-path}/notifications/inbound}, and, with
 * {@code imap.host}, the {@link ImapReplyPoller}.
 */
@AutoConfiguration(before = MessagingNotificationsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = {"messaging.enabled", "messaging.notifications.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties({NotificationReplyProperties.class, NotificationProperties.class})
public class MessagingRepliesAutoConfiguration {

    /** With a reply address and the signing secret. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(MessagingRepliesAutoConfiguration.OnReplyAddress.class)
    @ConditionalOnProperty(name = "messaging.notifications.signing-secret")
    static class Replies {

        @Bean
        @ConditionalOnMissingBean
        ReplyTokens messagingReplyTokens(NotificationProperties notifications, NotificationReplyProperties replies,
                                         ObjectProvider<Clock> clock) {
            return new ReplyTokens(notifications.getSigningSecret(), replies.getTokenTtl(),
                    clock.getIfUnique(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnMissingBean
        ReplyAddresses messagingReplyAddresses(ReplyTokens tokens, NotificationReplyProperties replies) {
            return new ReplyAddresses(tokens, replies.effectiveAddressTemplate());
        }

        /** Reading mails needs Angus Mail (Boot's mail starter). */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "jakarta.mail.internet.MimeMessage")
        static class Mail {

            @Bean
            @ConditionalOnMissingBean
            InboundMailReader messagingInboundMailReader(ReplyAddresses addresses) {
                return new InboundMailReader(addresses);
            }

            @Bean
            @ConditionalOnMissingBean
            @ConditionalOnProperty(name = "messaging.notifications.reply.imap.host")
            ImapReplyPoller messagingImapReplyPoller(Messaging messaging, InboundMailReader reader,
                                                     NotificationReplyProperties replies) {
                NotificationReplyProperties.Imap imap = replies.getImap();
                return new ImapReplyPoller(messaging, reader, new ImapReplyPoller.Mailbox(imap.getProtocol(),
                        imap.getHost(), imap.getPort(), imap.getUsername(), imap.getPassword(), imap.getFolder(),
                        imap.getPollInterval(), imap.isDeleteProcessed()));
            }
        }
    }

    /** A reply address is configured: a domain or an address template. */
    static class OnReplyAddress extends AnyNestedCondition {

        OnReplyAddress() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "messaging.notifications.reply.domain")
        static class Domain {
        }

        @ConditionalOnProperty(name = "messaging.notifications.reply.address-template")
        static class Template {
        }
    }
}

package io.clientportal.messaging.examples.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spi.RecipientDirectory;
import io.clientportal.messaging.spring.notifications.ImapReplyPoller;
import io.clientportal.messaging.spring.notifications.InboundMailReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's own mail server: GreenMail (SMTP and IMAP on free loopback ports) in the application, so notification
 * emails and replies by email work without any mail account. Everyone has an address {@code <id>@portal.demo};
 * the Mailbox page ({@code /mailbox}) shows what each person was sent and replies through SMTP. The replies
 * mailbox stands in for a catch-all: every {@code reply+<token>@replies.portal.demo} reply is delivered to
 * {@link #REPLIES_MAILBOX}, which the starter's {@link ImapReplyPoller} reads.
 */
@Configuration(proxyBeanMethods = false)
class DemoMail implements WebMvcConfigurer {

    /** The people's mail domain. */
    static final String DOMAIN = "portal.demo";
    /** Where replies are delivered. */
    static final String REPLIES_MAILBOX = "replies@replies.portal.demo";
    private static final String REPLIES_LOGIN = "replies";
    private static final String REPLIES_PASSWORD = "demo-replies";

    @Bean(destroyMethod = "stop")
    GreenMail demoMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(REPLIES_MAILBOX, REPLIES_LOGIN, REPLIES_PASSWORD);
        return mail;
    }

    /** The starter's email sender sends through this (it stands in for Boot's {@code spring.mail.*}). */
    @Bean
    JavaMailSender demoMailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        return sender;
    }

    /** The host's address book: every demo person at {@code <id>@portal.demo}. */
    @Bean
    RecipientDirectory demoRecipientDirectory() {
        return (tenantId, actor) -> Optional.of(addressOf(actor.id()));
    }

    /** The starter's poller on the demo server's replies mailbox. */
    @Bean
    ImapReplyPoller demoReplyPoller(Messaging messaging, InboundMailReader reader, GreenMail server,
                                    @Value("${demo.mail.reply-poll-interval:2s}") Duration every) {
        return new ImapReplyPoller(messaging, reader, new ImapReplyPoller.Mailbox("imap", "127.0.0.1",
                server.getImap().getPort(), REPLIES_LOGIN, REPLIES_PASSWORD, "INBOX", every, true));
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/mailbox").setViewName("forward:/mailbox.html");
    }

    static String addressOf(String personId) {
        return personId + "@" + DOMAIN;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

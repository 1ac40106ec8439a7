package io.clientportal.messaging.spring.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spi.RecipientDirectory;
import io.clientportal.messaging.spring.notifications.ImapReplyPoller;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies by email end to end on real servers (GreenMail's SMTP and IMAP in the test's JVM, the JPA store on H2):
 * a post, the notification mail after the delay (a moved clock) with its {@code Reply-To}, a reply sent through
 * SMTP to that address, and the reply arriving through the inbound endpoint (the raw mail as a provider posts it)
 * or the polled IMAP mailbox; it appears once in the conversation and on the team's event stream.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.notifications.poll-interval=100ms",
                "messaging.notifications.signing-secret=0123456789abcdef0123456789abcdef-test",
                "messaging.notifications.link-template=https://portal.example/messages/{conversationId}",
                "messaging.notifications.mail.from=Portal <no-reply@portal.example>",
                "messaging.notifications.reply.domain=in.portal.example",
                "messaging.notifications.reply.inbound.secret=inbound-secret-0123456789abcdef012345",
                "messaging.notifications.reply.imap.protocol=imap",
                "messaging.notifications.reply.imap.username=replies",
                "messaging.notifications.reply.imap.password=mailbox-password",
                "messaging.notifications.reply.imap.poll-interval=1h",
                "logging.level.io.clientportal=INFO"})
@Import(ReplyByEmailHttpTests.Addresses.class)
class ReplyByEmailHttpTests {

    static final String MAILBOX = "replies@in.portal.example";
    static final String SECRET = "inbound-secret-0123456789abcdef012345";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final GreenMail MAIL = startMail();

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    MutableClock clock;

    @Autowired
    ImapReplyPoller poller;

    Portal portal;

    /** The host's address book: every person has one. */
    @TestConfiguration
    static class Addresses {
        @Bean
        RecipientDirectory recipientDirectory() {
            return (tenantId, actor) -> Optional.of(actor.id() + "@example.test");
        }
    }

    static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(MAILBOX, "replies", "mailbox-password");
        return mail;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("messaging.notifications.reply.imap.host", () -> "127.0.0.1");
        registry.add("messaging.notifications.reply.imap.port", () -> MAIL.getImap().getPort());
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:reply_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        String directory = java.nio.file.Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @BeforeEach
    void setUpPortal() {
        portal = new Portal(messaging);
    }

    String baseUrl() {
        return "http://localhost:" + port + "/api/messaging";
    }

    HttpCaller as(Who who) {
        return new HttpCaller(baseUrl(), portal.id(who));
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The team posts, the client's delay passes: the client's notification, with its Reply-To. */
    String notifiedReplyTo(String text) throws Exception {
        messaging.messages().post(portal.actor(Who.AGENT_WRITE), portal.conversation.id(), NewMessage.text(text));
        clock.advance(Duration.ofMinutes(5));
        String client = portal.id(Who.CLIENT_OF_ACCOUNT) + "@example.test";
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(client).size() == 1);
        MimeMessage notification = mailTo(client).get(0);
        Address[] replyTo = notification.getReplyTo();
        assertThat(replyTo).hasSize(1);
        String address = ((InternetAddress) replyTo[0]).getAddress();
        assertThat(address).startsWith("reply+").endsWith("@in.portal.example").matches("[a-z2-7+@.]+");
        return address;
    }

    /** What the client's mail program sends: their words above the quoted notification and a signature. */
    MimeMessage reply(String to, String messageId, String text, boolean withPng) throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        reply.setFrom(new InternetAddress(portal.id(Who.CLIENT_OF_ACCOUNT) + "@example.test"));
        reply.setRecipient(RecipientType.TO, new InternetAddress(to));
        reply.setSubject("Re: You have 1 unread message(s)");
        String body = text + "\n\n-- \nCathy Client\n\nOn Tue, 1 Dec 2026, Portal <no-reply@portal.example> wrote:\n"
                + "> Alice Agent: Please sign the form\n";
        if (withPng) {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(body, "UTF-8");
            mixed.addBodyPart(textPart);
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(PNG, "application/octet-stream");
            file.setFileName("signed.png");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
            reply.setContent(mixed);
        } else {
            reply.setText(body, "UTF-8");
        }
        reply.saveChanges();
        return reply;
    }

    Session smtp() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(MAIL.getSmtp().getPort()));
        return Session.getInstance(properties);
    }

    /** Sends the reply through SMTP to its address and returns it as the SMTP server received it, raw. */
    byte[] sendAndReceive(MimeMessage reply, String to) throws Exception {
        int before = mailTo(to).size();
        Transport transport = smtp().getTransport("smtp");
        transport.connect();
        transport.sendMessage(reply, reply.getAllRecipients());
        transport.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(to).size() == before + 1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mailTo(to).get(before).writeTo(raw);
        return raw.toByteArray();
    }

    /** What a mail provider's inbound route does. */
    int postInbound(byte[] raw, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/notifications/inbound"))
                .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofByteArray(raw));
        if (secret != null) {
            request.header("X-Messaging-Inbound-Secret", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    List<Message> clientMessages() {
        return messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(), HistoryQuery.latest(50))
                .items().stream().filter(m -> m.author().equals(portal.actor(Who.CLIENT_OF_ACCOUNT))).toList();
    }

    @Test
    void aReplyThroughTheInboundEndpointIsPostedOnceWithoutQuoteOrSignatureAndReachesTheTeamsStream()
            throws Exception {
        String address = notifiedReplyTo("Please sign the form");
        byte[] raw = sendAndReceive(reply(address, "<r1-" + portal.suffix + "@mail.example>", "Signed, see you.",
                false), address);

        try (SseClient stream = as(Who.AGENT_WRITE).events(null).awaitSubscribed()) {
            assertThat(postInbound(raw, SECRET)).isEqualTo(202);
            SseClient.Event posted = stream.awaitEvents("MessagePosted", 1).get(0);
            assertThat(posted.data().toString()).contains("Signed, see you.");
        }
        assertThat(postInbound(raw, SECRET)).isEqualTo(202);

        assertThat(clientMessages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Signed, see you."));
        Answer history = as(Who.AGENT_WRITE).get("/conversations/" + portal.conversation.id() + "/messages");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("Signed, see you.").doesNotContain("Cathy Client\\n")
                .doesNotContain("wrote:");
    }

    @Test
    void anAttachmentInTheReplyArrivesCheckedFromItsBytes() throws Exception {
        String address = notifiedReplyTo("Send the scan please");
        byte[] raw = sendAndReceive(reply(address, "<r2-" + portal.suffix + "@mail.example>", "Here it is", true),
                address);

        assertThat(postInbound(raw, SECRET)).isEqualTo(202);

        assertThat(clientMessages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Here it is");
            assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("signed.png");
                assertThat(a.contentType()).isEqualTo("image/png");
            });
        });
    }

    @Test
    void aForgedOrExpiredTokenOrAPersonWhoLostAccessPostsNothingAndTheSenderLearnsNothing() throws Exception {
        String address = notifiedReplyTo("Anything else?");
        String forged = address.replace("reply+", "reply+a");
        byte[] forgedRaw = sendAndReceive(reply(forged, "<f-" + portal.suffix + "@mail.example>", "Forged", false),
                forged);
        assertThat(postInbound(forgedRaw, SECRET)).isEqualTo(202);

        // The address expires after 30 days.
        clock.advance(Duration.ofDays(30));
        byte[] lateRaw = sendAndReceive(reply(address, "<l-" + portal.suffix + "@mail.example>", "Late", false),
                address);
        assertThat(postInbound(lateRaw, SECRET)).isEqualTo(202);
        assertThat(clientMessages()).isEmpty();

        messaging.directory().removeClientUser(portal.id(Who.CLIENT_OF_ACCOUNT));
        byte[] goneRaw = sendAndReceive(reply(address, "<g-" + portal.suffix + "@mail.example>", "Still here?", false),
                address);
        assertThat(postInbound(goneRaw, SECRET)).isEqualTo(202);

        assertThat(clientMessages()).isEmpty();
    }

    @Test
    void theInboundEndpointRefusesAWrongOrMissingSecretAndABodyThatIsNoMail() throws Exception {
        String address = notifiedReplyTo("Are you there?");
        byte[] raw = sendAndReceive(reply(address, "<s-" + portal.suffix + "@mail.example>", "Yes", false), address);

        assertThat(postInbound(raw, null)).isEqualTo(401);
        assertThat(postInbound(raw, SECRET + "x")).isEqualTo(401);
        assertThat(postInbound(new byte[0], SECRET)).isEqualTo(400);
        assertThat(clientMessages()).isEmpty();
    }

    @Test
    void aReplyInThePolledImapMailboxIsPostedOnceAndDeleted() throws Exception {
        String address = notifiedReplyTo("Can we meet Monday?");
        MimeMessage reply = reply(address, "<i-" + portal.suffix + "@mail.example>", "Monday works", false);
        // A catch-all delivers every reply address to one mailbox: the envelope names it, the To header the token.
        Transport transport = smtp().getTransport("smtp");
        transport.connect();
        transport.sendMessage(reply, new Address[]{new InternetAddress(MAILBOX)});
        transport.sendMessage(reply, new Address[]{new InternetAddress(MAILBOX)});
        transport.close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> MAIL.getReceivedMessagesForDomain("in.portal.example").length >= 2);

        assertThat(poller.pollNow()).isEqualTo(2);
        assertThat(poller.pollNow()).isZero();

        assertThat(clientMessages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Monday works"));
        assertThat(messaging.messages().unreadTotal(portal.actor(Who.AGENT_WRITE))).isEqualTo(1);
        assertThat(Actor.clientUser(portal.id(Who.CLIENT_OF_ACCOUNT))).isEqualTo(clientMessages().get(0).author());
    }
}

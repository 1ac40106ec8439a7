package io.clientportal.messaging.spring.web;

import com.icegreen.greenmail.util.GreenMail;

import com.icegreen.greenmail.util.ServerSetup;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spi.RecipientDirectory;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
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

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unread-message emails end to end: the starter's mail sender over Boot's mail starter to a real SMTP server
 * (GreenMail in the test's JVM), the JPA store on H2, the clock moved past the delay (the engine's own poll, every
 * 100 ms, sends), one-click unsubscribe over HTTP and preferences through {@code /me/notifications}.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.notifications.poll-interval=100ms",
                "messaging.notifications.signing-secret=0123456789abcdef0123456789abcdef-test",
                "messaging.notifications.link-template=https://portal.example/messages/{conversationId}",
                "messaging.notifications.mail.from=Portal <no-reply@portal.example>",
                "logging.level.io.clientportal=INFO"})
@Import(NotificationMailHttpTests.Addresses.class)
class NotificationMailHttpTests {

    static final GreenMail SMTP = startSmtp();

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    MutableClock clock;

    Portal portal;

    /** The host's address book: every person has one, at a per-test unique address. */
    @TestConfiguration
    static class Addresses {
        @Bean
        RecipientDirectory recipientDirectory() {
            return (tenantId, actor) -> Optional.of(actor.id() + "@example.test");
        }
    }

    static GreenMail startSmtp() {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:mail_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        String directory = java.nio.file.Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
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

    List<MimeMessage> mailTo(Who who) {
        String address = portal.id(who) + "@example.test";
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    MimeMessage awaitOneMailTo(Who who) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(who).size() == 1);
        return mailTo(who).get(0);
    }

    void post(Who who, String text) {
        messaging.messages().post(portal.actor(who), portal.conversation.id(), NewMessage.text(text));
    }

    static String part(MimeMessage mail, String type) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        return find(mixed, type);
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    static String unsubscribeUrl(MimeMessage mail) throws Exception {
        String header = mail.getHeader("List-Unsubscribe")[0];
        assertThat(header).startsWith("<https://portal.example/api/messaging/notifications/unsubscribe?token=")
                .endsWith(">");
        return header.substring(1, header.length() - 1);
    }

    /** What a mail client does for one-click unsubscribe (RFC 8058), against this server. */
    int oneClick(String url) throws Exception {
        String local = url.replace("https://portal.example", "http://localhost:" + port);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(local))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    @Test
    void aMessageUnreadForTheDelayIsEmailedWithItsTextLinkAndUnsubscribeHeaders() throws Exception {
        post(Who.AGENT_WRITE, "Your <b>tax return</b> is ready & signed");
        clock.advance(Duration.ofMinutes(4));
        messaging.notifications().sendDue();
        assertThat(mailTo(Who.CLIENT_OF_ACCOUNT)).isEmpty();
        clock.advance(Duration.ofMinutes(1));

        MimeMessage mail = awaitOneMailTo(Who.CLIENT_OF_ACCOUNT);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Portal <no-reply@portal.example>");
        assertThat(mail.getSubject()).isEqualTo("You have 1 unread message(s)");
        String text = part(mail, "text/plain");
        assertThat(text).contains("Hello Cathy Client").contains("Acme Ltd: 1 unread, from Alice Agent")
                .contains("Alice Agent: Your <b>tax return</b> is ready & signed")
                .contains("https://portal.example/messages/" + portal.conversation.id());
        String html = part(mail, "text/html");
        assertThat(html).contains("Your &lt;b&gt;tax return&lt;/b&gt; is ready &amp; signed")
                .doesNotContain("<b>tax return</b>")
                .contains("href=\"https://portal.example/messages/" + portal.conversation.id() + "\"");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        unsubscribeUrl(mail);
        assertThat(mail.getHeader("X-Messaging-Notification-Id")).hasSize(1);
        // The author is not told; the other participants after the team's delay (10 minutes).
        assertThat(mailTo(Who.AGENT_WRITE)).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(Who.WATCHER).size() == 1);
        assertThat(mailTo(Who.OWNER)).isEmpty();   // not a participant
        assertThat(mailTo(Who.AGENT_WRITE)).isEmpty();
    }

    @Test
    void readInTimeNothingArrivesAndASecondPostWithinTheIntervalSendsNoSecondMail() throws Exception {
        post(Who.AGENT_WRITE, "first");
        long seq = messaging.conversations().get(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id())
                .lastSeq();
        messaging.messages().markRead(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id(), seq);
        clock.advance(Duration.ofMinutes(6));
        messaging.notifications().sendDue();
        assertThat(mailTo(Who.CLIENT_OF_ACCOUNT)).isEmpty();

        post(Who.AGENT_WRITE, "second");
        clock.advance(Duration.ofMinutes(5));
        awaitOneMailTo(Who.CLIENT_OF_ACCOUNT);
        post(Who.AGENT_WRITE, "third");
        clock.advance(Duration.ofMinutes(5));
        messaging.notifications().sendDue();
        assertThat(mailTo(Who.CLIENT_OF_ACCOUNT)).hasSize(1);   // within the 15 minutes since the first mail
        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(Who.CLIENT_OF_ACCOUNT).size() == 2);
        assertThat(part(mailTo(Who.CLIENT_OF_ACCOUNT).get(1), "text/plain")).contains("2 unread")
                .contains("third");
    }

    @Test
    void theUnsubscribeLinkTurnsNotificationsOffWithoutALoginAndAForgedTokenIsRefused() throws Exception {
        post(Who.AGENT_WRITE, "hello");
        clock.advance(Duration.ofMinutes(5));
        String url = unsubscribeUrl(awaitOneMailTo(Who.CLIENT_OF_ACCOUNT));

        String token = url.substring(url.indexOf("token=") + 6);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        Answer refused = HttpCaller.anonymous(baseUrl()).raw("POST", "/notifications/unsubscribe?token=" + forged,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click".getBytes());
        AbstractMessagingHttpTests.assertProblem(refused, 400, "token");
        assertThat(messaging.notifications().preferences(portal.actor(Who.CLIENT_OF_ACCOUNT)))
                .isEqualTo(NotificationPreferences.defaults());

        assertThat(oneClick(url)).isEqualTo(200);
        assertThat(as(Who.CLIENT_OF_ACCOUNT).get("/me/notifications").json().get("mode").asString())
                .isEqualTo("OFF");
        assertThat(oneClick(url)).isEqualTo(200);   // a second click changes nothing and says so as the first

        post(Who.AGENT_WRITE, "are you there?");
        clock.advance(Duration.ofMinutes(30));
        messaging.notifications().sendDue();
        assertThat(mailTo(Who.CLIENT_OF_ACCOUNT)).hasSize(1);

        // Another person's token can't be made from this one: the signature covers who it names.
        Answer noToken = HttpCaller.anonymous(baseUrl()).raw("POST", "/notifications/unsubscribe",
                "application/x-www-form-urlencoded", new byte[0]);
        AbstractMessagingHttpTests.assertProblem(noToken, 400, "token");
    }

    @Test
    void anExpiredUnsubscribeLinkIsRefusedAndChangesNothing() throws Exception {
        post(Who.AGENT_WRITE, "hello");
        clock.advance(Duration.ofMinutes(5));
        String url = unsubscribeUrl(awaitOneMailTo(Who.CLIENT_OF_ACCOUNT));
        clock.advance(Duration.ofDays(91));
        assertThat(oneClick(url)).isEqualTo(400);
        assertThat(messaging.notifications().preferences(portal.actor(Who.CLIENT_OF_ACCOUNT)))
                .isEqualTo(NotificationPreferences.defaults());
    }

    @Test
    void preferencesAreReadAndSetOverHttpAndBadValuesAre400NamingTheFieldAndChangeNothing() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        Answer initial = cathy.get("/me/notifications");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().get("mode").asString()).isEqualTo("EACH");

        Answer digest = cathy.put("/me/notifications", AbstractMessagingHttpTests.json(
                Map.of("mode", "DIGEST", "digestHours", 6)));
        assertThat(digest.status()).as(digest.toString()).isEqualTo(200);
        assertThat(cathy.get("/me/notifications").json().get("digestHours").asInt()).isEqualTo(6);

        AbstractMessagingHttpTests.assertProblem(cathy.put("/me/notifications",
                AbstractMessagingHttpTests.json(Map.of("mode", "LOUD"))), 400, "mode");
        AbstractMessagingHttpTests.assertProblem(cathy.put("/me/notifications",
                AbstractMessagingHttpTests.json(Map.of("mode", "DIGEST", "digestHours", 0))), 400, "digestHours");
        AbstractMessagingHttpTests.assertProblem(cathy.put("/me/notifications", "{}"), 400, "mode");
        assertThat(messaging.notifications().preferences(portal.actor(Who.CLIENT_OF_ACCOUNT)))
                .isEqualTo(NotificationPreferences.digest(6));

        AbstractMessagingHttpTests.assertProblem(HttpCaller.anonymous(baseUrl()).get("/me/notifications"), 401,
                null);
        // Someone the directory does not know: 404, and a refused write leaves nothing behind.
        AbstractMessagingHttpTests.assertProblem(as(Who.STRANGER).get("/me/notifications"), 404, null);
        AbstractMessagingHttpTests.assertProblem(as(Who.STRANGER).put("/me/notifications",
                AbstractMessagingHttpTests.json(Map.of("mode", "OFF"))), 404, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messaging.notifications()
                        .preferences(portal.actor(Who.STRANGER)))
                .isInstanceOf(io.clientportal.messaging.NotFoundException.class);
        Actor owner = portal.actor(Who.OWNER);
        assertThat(as(Who.OWNER).get("/me/notifications").json().get("mode").asString()).isEqualTo("EACH");
        assertThat(messaging.notifications().preferences(owner)).isEqualTo(NotificationPreferences.defaults());
    }

}

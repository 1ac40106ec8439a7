package io.clientportal.messaging.spring.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.testkit.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application nodes on one database, each with the email sender to one real SMTP server (GreenMail): one
 * email for one unread message, however many nodes look, and a node restarted during the delay sends it once.
 */
abstract class MailNotificationNodesTests {

    static final NotificationSettings SETTINGS = NotificationSettings.defaults()
            .withScheduling(Duration.ofMinutes(2), Duration.ofHours(1));

    private final MutableClock clock = new MutableClock();
    private final List<AutoCloseable> open = new ArrayList<>();
    private GreenMail smtp;
    private DataSource database;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    abstract DataSource newDatabase();

    /** Drops the database after the nodes stopped; the default does nothing. */
    void dropDatabase() {
    }

    @BeforeEach
    void start() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = newDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        smtp.stop();
        dropDatabase();
    }

    /** One application node: its own store over the shared database, its own mail sender. */
    Messaging node() {
        return node(SETTINGS);
    }

    Messaging node(NotificationSettings settings) {
        JpaMessagingStore store = JpaMessagingStore.create(database);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        MailNotificationSender sender = new MailNotificationSender(mail,
                new NotificationMailTemplates(new DefaultResourceLoader(), NotificationMailTemplates.DEFAULT_LOCATION),
                new UnsubscribeTokens("0123456789abcdef0123456789abcdef-test", Duration.ofDays(1), clock),
                "no-reply@portal.example", null, "https://portal.example/api/messaging/notifications/unsubscribe");
        Messaging messaging = Messaging.builder().store(store).clock(clock).notifications(settings)
                .notificationSender(sender)
                .recipientDirectory((tenantId, actor) -> Optional.of(actor.id() + "@example.test")).build();
        open.add(store);
        open.add(messaging);
        return messaging;
    }

    ConversationId setUp(Messaging node) {
        node.directory().upsertTeamMember("owner-" + suffix, "Olivia Owner", TeamRole.OWNER);
        ConversationId id = node.directory().createClientAccount("acme-" + suffix, "Acme",
                AccountKind.INDIVIDUAL).id();
        node.directory().addClientUser("acme-" + suffix, "cathy-" + suffix, "Cathy");
        return id;
    }

    List<MimeMessage> toCathy() {
        String address = "cathy-" + suffix + "@example.test";
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void threeNodesLookingAtOnceSendOneEmail() {
        Messaging first = node();
        ConversationId id = setUp(first);
        first.messages().post(Actor.teamMember("owner-" + suffix), id, NewMessage.text("Your invoice"));
        List<Messaging> nodes = List.of(first, node(), node());
        clock.advance(SETTINGS.clientDelay());
        int sent = IntStream.range(0, 3).parallel().map(i -> nodes.get(i).notifications().sendDue()).sum();
        assertThat(sent).isEqualTo(1);
        assertThat(toCathy()).hasSize(1);
        clock.advance(Duration.ofHours(1));
        nodes.forEach(node -> node.notifications().sendDue());
        assertThat(toCathy()).hasSize(1);
    }

    @Test
    void withoutMessageTextTheEmailSaysWhoWroteAndHowManyWaitButNotWhat() throws Exception {
        Messaging node = node(SETTINGS.withMessageText(false));
        ConversationId id = setUp(node);
        node.messages().post(Actor.teamMember("owner-" + suffix), id, NewMessage.text("Your diagnosis: flu"));
        node.messages().post(Actor.teamMember("owner-" + suffix), id, NewMessage.text("Rest well"));
        clock.advance(SETTINGS.clientDelay());
        node.notifications().sendDue();
        assertThat(toCathy()).hasSize(1);
        MimeMessage mail = toCathy().get(0);
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        mail.writeTo(whole);
        String everything = whole.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(everything).contains("2 unread, from Olivia Owner").doesNotContain("diagnosis")
                .doesNotContain("Rest well");
    }

    @Test
    void aNodeRestartedDuringTheDelaySendsItOnce() throws Exception {
        Messaging before = node();
        ConversationId id = setUp(before);
        before.messages().post(Actor.teamMember("owner-" + suffix), id, NewMessage.text("Your invoice"));
        before.close();
        clock.advance(SETTINGS.clientDelay());
        Messaging after = node();
        after.notifications().sendDue();
        after.notifications().sendDue();
        assertThat(toCathy()).hasSize(1);
        assertThat(toCathy().get(0).getSubject()).isEqualTo("You have 1 unread message(s)");
    }
}

package io.clientportal.messaging.spring.web;

import com.icegreen.greenmail.util.GreenMail;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spi.RecipientDirectory;
import io.clientportal.messaging.spring.web.Portal.Who;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follow-up reminder emails end to end: {@code messaging.notifications.reminders.after} set, the starter's mail
 * sender to a real SMTP server (GreenMail), the JPA store on H2, the clock moved past the time (the engine's own
 * poll sends); the team sees the reminder as a note, the client does not.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.notifications.poll-interval=100ms",
                "messaging.notifications.reminders.after=3d",
                "messaging.notifications.signing-secret=0123456789abcdef0123456789abcdef-test",
                "messaging.notifications.link-template=https://portal.example/messages/{conversationId}",
                "messaging.notifications.mail.from=Portal <no-reply@portal.example>",
                "logging.level.io.clientportal=INFO"})
@Import(ReminderMailHttpTests.Addresses.class)
class ReminderMailHttpTests {

    static final GreenMail SMTP = NotificationMailHttpTests.startSmtp();
    static final String SUBJECT = "You have an unanswered message from Alice Agent";

    @Autowired
    Messaging messaging;

    @Autowired
    MutableClock clock;

    /** The host's address book: every person has one. */
    @TestConfiguration
    static class Addresses {
        @Bean
        RecipientDirectory recipientDirectory() {
            return (tenantId, actor) -> Optional.of(actor.id() + "@example.test");
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:remind_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        String directory = java.nio.file.Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    List<MimeMessage> remindersTo(Portal portal, Who who) {
        String address = portal.id(who) + "@example.test";
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return SUBJECT.equals(m.getSubject())
                        && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aClientWhoLeavesTheTeamsMessageUnansweredGetsOneReminderMailAndTheTeamANote() throws Exception {
        Portal portal = new Portal(messaging);
        messaging.messages().post(portal.actor(Who.AGENT_WRITE), portal.conversation.id(),
                NewMessage.text("Please sign the engagement letter"));
        clock.advance(Duration.ofDays(3).minusMinutes(1));
        messaging.notifications().sendDue();
        assertThat(remindersTo(portal, Who.CLIENT_OF_ACCOUNT)).isEmpty();
        clock.advance(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> remindersTo(portal, Who.CLIENT_OF_ACCOUNT).size() == 1);
        MimeMessage mail = remindersTo(portal, Who.CLIENT_OF_ACCOUNT).get(0);
        String text = NotificationMailHttpTests.part(mail, "text/plain");
        assertThat(text).contains("Hello Cathy Client").contains("You have an unanswered message from Alice Agent")
                .contains("Alice Agent: Please sign the engagement letter")
                .contains("https://portal.example/messages/" + portal.conversation.id());
        assertThat(NotificationMailHttpTests.part(mail, "text/html"))
                .contains("You have an unanswered message from Alice Agent");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(history(portal, Who.WATCHER).stream().filter(Message::internal)).singleElement()
                        .satisfies(note -> {
                            assertThat(note.text()).isEqualTo("Reminder sent to Cathy Client by email");
                            assertThat(note.authorName()).isEqualTo("Alice Agent");
                        }));
        assertThat(history(portal, Who.CLIENT_OF_ACCOUNT)).extracting(Message::text)
                .containsExactly("Please sign the engagement letter");
        // Once per unanswered message.
        clock.advance(Duration.ofDays(7));
        messaging.notifications().sendDue();
        assertThat(remindersTo(portal, Who.CLIENT_OF_ACCOUNT)).hasSize(1);
    }

    private List<Message> history(Portal portal, Who who) {
        return messaging.messages().history(portal.actor(who), portal.conversation.id(), HistoryQuery.latest(20))
                .items();
    }
}

package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMailTemplatesTests {

    @TempDir
    Path host;

    static Notification notification(Optional<String> text, Optional<Locale> locale) {
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        return new Notification(UUID.randomUUID(), "default",
                new Notification.Recipient(Actor.clientUser("cathy"), "Cathy <Client>", Optional.of("c@example.test"),
                        locale),
                List.of(new Notification.ConversationUnread(conversation, "acme", "Acme & Co", 3, List.of(
                        new Notification.UnreadMessage(new MessageId(UUID.randomUUID()), "Alice Agent", text,
                                Instant.now())))), Instant.now());
    }

    @Test
    void withoutMessageTextTheMailSaysWhoWroteAndHowManyWaitButNoText() {
        NotificationMailTemplates templates = new NotificationMailTemplates(new DefaultResourceLoader(),
                NotificationMailTemplates.DEFAULT_LOCATION);
        var mail = templates.render(notification(Optional.empty(), Optional.empty()), Map.of(), "https://u");
        assertThat(mail.text()).contains("Acme & Co: 3 unread, from Alice Agent").doesNotContain("Alice Agent:");
        assertThat(mail.html()).contains("Acme &amp; Co").contains("Cathy &lt;Client&gt;")
                .doesNotContain("<blockquote");
        assertThat(mail.subject()).isEqualTo("You have 3 unread message(s)");
    }

    @Test
    void theHostsLocalisedTemplateWinsForItsLocaleAndTheStartersFillIn() throws Exception {
        Files.writeString(host.resolve("notification-subject_de.txt"), "{{unreadTotal}} ungelesene Nachrichten");
        NotificationMailTemplates templates = new NotificationMailTemplates(new DefaultResourceLoader(),
                host.toUri().toString());
        assertThat(templates.render(notification(Optional.of("Hallo"), Optional.of(Locale.GERMANY)), Map.of(), "u")
                .subject()).isEqualTo("3 ungelesene Nachrichten");
        var english = templates.render(notification(Optional.of("Hello"), Optional.empty()), Map.of(), "u");
        assertThat(english.subject()).isEqualTo("You have 3 unread message(s)");
        assertThat(english.text()).contains("Alice Agent: Hello");
    }
}

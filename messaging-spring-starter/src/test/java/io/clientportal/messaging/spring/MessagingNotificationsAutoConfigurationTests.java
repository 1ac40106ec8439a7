package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.spi.NotificationSender;
import io.clientportal.messaging.spring.notifications.MailNotificationSender;
import io.clientportal.messaging.spring.notifications.NotificationMailTemplates;
import io.clientportal.messaging.spring.notifications.UnsubscribeTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingNotificationsAutoConfigurationTests {

    static final String SECRET = "messaging.notifications.signing-secret=0123456789abcdef0123456789abcdef";

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingNotificationsAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    private ApplicationContextRunner withMail() {
        return runner().withBean(JavaMailSender.class, JavaMailSenderImpl::new);
    }

    @Test
    void withoutMailThereIsNoSenderAndTheEngineRunsAsBefore() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Messaging.class)
                    .hasSingleBean(NotificationSettings.class).doesNotHaveBean(NotificationSender.class)
                    .doesNotHaveBean(UnsubscribeTokens.class);
            assertThat(context.getBean(NotificationSettings.class)).isEqualTo(NotificationSettings.defaults());
        });
    }

    @Test
    void withAJavaMailSenderAndASecretNotificationsAreEmailed() {
        withMail().withPropertyValues(SECRET, "messaging.notifications.public-url=https://portal.example",
                        "messaging.notifications.client-delay=2m", "messaging.notifications.include-message-text=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MailNotificationSender.class)
                            .hasSingleBean(NotificationMailTemplates.class).hasSingleBean(UnsubscribeTokens.class);
                    NotificationSettings settings = context.getBean(NotificationSettings.class);
                    assertThat(settings.clientDelay()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(settings.includeMessageText()).isFalse();
                });
    }

    @Test
    void mailWithoutASigningSecretRefusesToStartAndSaysWhatToSet() {
        withMail().withPropertyValues("messaging.notifications.public-url=https://portal.example").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("messaging.notifications.signing-secret");
        });
    }

    @Test
    void mailWithoutAPublicUrlOrAbsoluteLinkRefusesToStart() {
        withMail().withPropertyValues(SECRET).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("messaging.notifications.public-url");
        });
    }

    @Test
    void notificationsOffOrMailOffOrNoMailLibraryMeanNoSender() {
        withMail().withPropertyValues(SECRET, "messaging.notifications.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(NotificationSettings.class)
                        .doesNotHaveBean(MailNotificationSender.class));
        withMail().withPropertyValues("messaging.notifications.mail.enabled=false").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(NotificationSettings.class)
                        .doesNotHaveBean(MailNotificationSender.class));
        runner().withClassLoader(new FilteredClassLoader(JavaMailSender.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(MailNotificationSender.class));
    }

    @Test
    void theHostsOwnSenderAndTemplatesWin() {
        NotificationSender sms = notification -> { };
        withMail().withPropertyValues(SECRET,
                        "messaging.notifications.link-template=https://p.example/m/{conversationId}")
                .withBean("smsSender", NotificationSender.class, () -> sms)
                .withBean(NotificationMailTemplates.class, () -> new NotificationMailTemplates(
                        new org.springframework.core.io.DefaultResourceLoader(), "classpath:host-mail/"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(NotificationSender.class)).hasSize(2);
                    assertThat(context.getBean(NotificationMailTemplates.class)).isNotNull();
                });
    }
}

package io.clientportal.messaging.spring;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.ReplyTokens;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spring.notifications.ImapReplyPoller;
import io.clientportal.messaging.spring.notifications.InboundMailReader;
import io.clientportal.messaging.spring.notifications.ReplyAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingRepliesAutoConfigurationTests {

    static final String SECRET = "messaging.notifications.signing-secret=0123456789abcdef0123456789abcdef";

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingRepliesAutoConfiguration.class,
                        MessagingNotificationsAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void withoutAReplyAddressThereAreNoReplies() {
        runner().withPropertyValues(SECRET).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ReplyTokens.class).doesNotHaveBean(InboundMailReader.class)
                .doesNotHaveBean(ImapReplyPoller.class));
    }

    @Test
    void aReplyDomainWithoutTheSigningSecretGivesNoReplies() {
        runner().withPropertyValues("messaging.notifications.reply.domain=in.portal.example").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ReplyTokens.class));
    }

    @Test
    void aReplyDomainAndTheSecretGiveSignedAddressesTheEngineAccepts() {
        runner().withPropertyValues(SECRET, "messaging.notifications.reply.domain=in.portal.example").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReplyTokens.class).hasSingleBean(ReplyAddresses.class)
                    .hasSingleBean(InboundMailReader.class).doesNotHaveBean(ImapReplyPoller.class);
            ReplyAddresses addresses = context.getBean(ReplyAddresses.class);
            ConversationId conversation = new ConversationId(UUID.randomUUID());
            String address = addresses.addressFor("default", Actor.clientUser("u1"), conversation);
            assertThat(address).startsWith("reply+").endsWith("@in.portal.example");
            String token = addresses.tokenIn(address.toUpperCase()).orElseThrow();
            assertThat(context.getBean(ReplyTokens.class).verify(token)).hasValueSatisfying(subject -> {
                assertThat(subject.actor()).isEqualTo(Actor.clientUser("u1"));
                assertThat(subject.conversationId()).isEqualTo(conversation);
            });
            assertThat(context).hasSingleBean(Messaging.class);
        });
    }

    @Test
    void anAddressTemplateAndAnImapHostGiveThePoller() {
        runner().withPropertyValues(SECRET, "messaging.notifications.reply.address-template=r-{token}@mx.example",
                "messaging.notifications.reply.imap.host=imap.example").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ImapReplyPoller.class);
                    assertThat(context.getBean(ReplyAddresses.class).addressFor("default", Actor.teamMember("t1"),
                            new ConversationId(UUID.randomUUID()))).startsWith("r-").endsWith("@mx.example");
                });
    }

    @Test
    void withoutAngusMailTheTokensStayButNothingReadsMail() {
        runner().withClassLoader(new FilteredClassLoader("jakarta.mail"))
                .withPropertyValues(SECRET, "messaging.notifications.reply.domain=in.portal.example",
                        "messaging.notifications.reply.imap.host=imap.example")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ReplyTokens.class)
                        .doesNotHaveBean(InboundMailReader.class).doesNotHaveBean(ImapReplyPoller.class));
    }
}

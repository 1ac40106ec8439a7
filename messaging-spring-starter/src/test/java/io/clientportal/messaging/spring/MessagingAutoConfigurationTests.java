package io.clientportal.messaging.spring;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingBuilder;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.files.FileSystemAttachmentStore;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.MessagingStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MessagingAutoConfigurationTests {

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                        MessagingAttachmentsAutoConfiguration.class, MessagingMetricsAutoConfiguration.class,
                        MessagingHealthAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void defaultsGiveAWorkingEngineOnTheInMemoryStoreWithFilesOnDisk() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(Messaging.class);
            assertThat(context.getBean(MessagingStore.class)).isInstanceOf(InMemoryMessagingStore.class);
            assertThat(context.getBean(AttachmentStore.class)).isInstanceOfSatisfying(FileSystemAttachmentStore.class,
                    store -> assertThat(store.root()).isEqualTo(attachments.toAbsolutePath().normalize()));
            assertThat(context.getBean(MessagingLimits.class)).isEqualTo(MessagingLimits.defaults());

            Messaging messaging = context.getBean(Messaging.class);
            Conversation conversation = messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL);
            messaging.directory().addClientUser("acme", "cathy", "Cathy");
            messaging.messages().post(Actor.clientUser("cathy"), conversation.id(), NewMessage.text("Hello"));
            assertThat(messaging.messages().history(Actor.clientUser("cathy"), conversation.id(),
                    io.clientportal.messaging.model.HistoryQuery.latest(10)).items()).hasSize(1);
        });
    }

    @Test
    void propertiesBecomeTheEnginesLimits() {
        runner().withPropertyValues("messaging.max-text-length=500", "messaging.edit-window=2m",
                        "messaging.attachments.max-size=1MB", "messaging.attachments.allowed-content-types=image/png",
                        "messaging.attachments.max-per-message=3", "messaging.max-saved-replies=20")
                .run(context -> {
                    MessagingLimits limits = context.getBean(MessagingLimits.class);
                    assertThat(limits.maxTextLength()).isEqualTo(500);
                    assertThat(limits.editWindow()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(limits.maxAttachmentSize()).isEqualTo(1024 * 1024);
                    assertThat(limits.allowedContentTypes()).containsExactly("image/png");
                    assertThat(limits.maxAttachmentsPerMessage()).isEqualTo(3);
                    assertThat(limits.maxSavedReplies()).isEqualTo(20);
                });
    }

    @Test
    void announcementLeasesAreConfigurableAndDefaultToTheCoresConstants() {
        runner().run(context -> {
            MessagingProperties.Announcements defaults = context.getBean(MessagingProperties.class).getAnnouncements();
            assertThat(defaults.getLease()).isEqualTo(MessagingBuilder.DEFAULT_ANNOUNCEMENT_LEASE);
            assertThat(defaults.getSweepInterval()).isEqualTo(MessagingBuilder.DEFAULT_ANNOUNCEMENT_SWEEP_INTERVAL);
        });
        runner().withPropertyValues("messaging.announcements.lease=40s",
                "messaging.announcements.sweep-interval=250ms").run(context -> {
                    MessagingProperties.Announcements set = context.getBean(MessagingProperties.class)
                            .getAnnouncements();
                    assertThat(set.getLease()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(set.getSweepInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(context).hasSingleBean(Messaging.class);
                });
    }

    @Test
    void disabledTurnsEverythingOff() {
        runner().withPropertyValues("messaging.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(Messaging.class);
            assertThat(context).doesNotHaveBean(MessagingStore.class);
            assertThat(context).doesNotHaveBean(AttachmentStore.class);
        });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        runner().withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean(MessagingStore.class)).isSameAs(OwnBeans.STORE);
            assertThat(context.getBean(MessagingLimits.class).maxTextLength()).isEqualTo(42);
            assertThat(context).hasSingleBean(Messaging.class);
        });
        runner().withUserConfiguration(OwnMessaging.class).run(context ->
                assertThat(context.getBean(Messaging.class)).isSameAs(context.getBean("ownMessaging")));
    }

    @Test
    void theEngineIsClosedWithTheContext() {
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        runner().run(context -> {
            Messaging messaging = context.getBean(Messaging.class);
            messaging.directory().upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
            subscription.set(messaging.events().subscribe(Actor.teamMember("olivia"), null, event -> { }));
            assertThat(subscription.get().isActive()).isTrue();
        });
        await().untilAsserted(() -> assertThat(subscription.get().isActive()).isFalse());
    }

    @Test
    void withoutJpaOnTheClasspathTheStoreIsInMemory() {
        runner().withClassLoader(new FilteredClassLoader("jakarta.persistence", "io.clientportal.messaging.jpa"))
                .run(context -> assertThat(context.getBean(MessagingStore.class))
                        .isInstanceOf(InMemoryMessagingStore.class));
    }

    @Test
    void withoutMicrometerThereAreNoMetricsAndWithARegistryPostsAreCounted() {
        runner().run(context -> assertThat(context).doesNotHaveBean(MicrometerMessagingMetrics.class));
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MicrometerMessagingMetrics.class);
            Messaging messaging = context.getBean(Messaging.class);
            Conversation conversation = messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL);
            messaging.directory().addClientUser("acme", "cathy", "Cathy");
            var posted = messaging.messages().post(Actor.clientUser("cathy"), conversation.id(),
                    NewMessage.text("Hello"));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            await().untilAsserted(() -> assertThat(registry.get("messaging.events.lag").timer().count()).isPositive());
            // The relayed event does not count (another node's write would be relayed the same way); the host
            // counts its own Java API posts, as the REST API does its posts.
            assertThat(registry.get("messaging.messages.posted").tag("author", "client").counter().count()).isZero();
            context.getBean(MicrometerMessagingMetrics.class).messagePosted(posted);
            assertThat(registry.get("messaging.messages.posted").tag("author", "client").counter().count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void healthReportsTheStoreAndTheRelay() {
        runner().run(context -> {
            MessagingHealthIndicator health = context.getBean(MessagingHealthIndicator.class);
            Messaging messaging = context.getBean(Messaging.class);
            messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL);
            await().untilAsserted(() -> {
                Health answer = health.health();
                assertThat(answer.getStatus()).isEqualTo(Status.UP);
                assertThat(answer.getDetails()).containsEntry("store", "available")
                        .containsEntry("relay", "idle").containsEntry("relayBehind", 0L);
            });
        });
    }

    @Test
    void healthIsDownWhenTheStoreFails() {
        runner().withUserConfiguration(FailingStore.class).run(context -> {
            FailingStore.FAILING.set(true);
            try {
                assertThat(context.getBean(MessagingHealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.DOWN);
            } finally {
                FailingStore.FAILING.set(false);
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final MessagingStore STORE = new InMemoryMessagingStore();

        @Bean
        MessagingStore myStore() {
            return STORE;
        }

        @Bean
        MessagingLimits myLimits() {
            return MessagingLimits.defaults().withMaxTextLength(42);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMessaging {
        @Bean
        Messaging ownMessaging() {
            return Messaging.builder().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingStore {
        static final java.util.concurrent.atomic.AtomicBoolean FAILING = new java.util.concurrent.atomic.AtomicBoolean();

        @Bean
        MessagingStore failingStore() {
            InMemoryMessagingStore delegate = new InMemoryMessagingStore();
            return new MessagingStore() {
                @Override
                public <T> T inTransaction(String tenantId,
                                           java.util.function.Function<io.clientportal.messaging.spi.StoreTransaction, T> work) {
                    return delegate.inTransaction(tenantId, work);
                }

                @Override
                public java.util.List<io.clientportal.messaging.spi.EventRecord> eventsAfter(long afterPosition, int limit) {
                    return delegate.eventsAfter(afterPosition, limit);
                }

                @Override
                public long lastEventPosition() {
                    if (FAILING.get()) {
                        throw new io.clientportal.messaging.MessagingStoreException("down", new RuntimeException());
                    }
                    return delegate.lastEventPosition();
                }

                @Override
                public long firstEventPosition() {
                    return delegate.firstEventPosition();
                }

                @Override
                public int pruneEvents(java.time.Instant before, int limit) {
                    return delegate.pruneEvents(before, limit);
                }

                @Override
                public java.util.List<io.clientportal.messaging.spi.PendingAnnouncement> unfinishedAnnouncements(int limit) {
                    return delegate.unfinishedAnnouncements(limit);
                }

                @Override
                public java.util.List<io.clientportal.messaging.spi.AttachmentRow> deleteUnreferencedAttachments(
                        java.time.Instant uploadedBefore, int limit) {
                    return delegate.deleteUnreferencedAttachments(uploadedBefore, limit);
                }
            };
        }
    }
}

package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingBuilder;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.MessagingStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The core: one {@link Messaging} engine, closed when the context closes. The JPA auto-configuration runs first and
 * provides the {@link MessagingStore} when the application has JPA; without it the store is in memory only when
 * {@code messaging.store=memory} or there is no DataSource (see {@link MessagingProperties#getStore()}).
 */
@AutoConfiguration(after = MessagingAttachmentsAutoConfiguration.class,
        afterName = {"io.clientportal.messaging.spring.MessagingJpaAutoConfiguration",
                "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** The name of Boot's task executor bean, which delivers events to subscribers and notifiers. */
    static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

    @Bean
    @ConditionalOnMissingBean
    MessagingLimits messagingLimits(MessagingProperties properties) {
        return properties.toLimits();
    }

    /**
     * Only when no other store was configured: in memory when asked for or when there is no DataSource (with a
     * warning), else startup fails, because the JPA store was wanted ({@link MessagingStoreUnavailableException}).
     */
    @Bean
    @ConditionalOnMissingBean
    MessagingStore messagingStore(MessagingProperties properties, ListableBeanFactory beans) {
        return StoreFallback.inMemoryOrFail(properties.getStore(), beans);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Messaging messaging(MessagingStore store, ObjectProvider<AttachmentStore> attachmentStore,
                        MessagingLimits limits, MessagingProperties properties,
                        ObjectProvider<MessagingNotifier> notifiers, ObjectProvider<AccessPolicy> accessPolicy,
                        ObjectProvider<Clock> clock, ObjectProvider<ContentTypeDetector> contentTypeDetector,
                        @Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> taskExecutor,
                        ObjectProvider<MessagingObservations> observations,
                        ObjectProvider<io.clientportal.messaging.NotificationSettings> notificationSettings,
                        ObjectProvider<io.clientportal.messaging.spi.NotificationSender> notificationSenders,
                        ObjectProvider<io.clientportal.messaging.spi.RecipientDirectory> recipientDirectory,
                        ObjectProvider<io.clientportal.messaging.ReplyTokens> replyTokens) {
        MessagingBuilder builder = Messaging.builder()
                .store(store)
                .limits(limits)
                .teamDisplayName(properties.getTeamDisplayName())
                .eventPollInterval(properties.getEvents().getPollInterval())
                .eventGapTimeout(properties.getEvents().getGapTimeout())
                .eventBufferSize(properties.getEvents().getBufferSize())
                .webhookPolicy(properties.getWebhookDelivery().toPolicy())
                .housekeepingInterval(properties.getHousekeepingInterval())
                .announcementLease(properties.getAnnouncements().getLease())
                .announcementSweepInterval(properties.getAnnouncements().getSweepInterval());
        properties.toWebhookEndpoints().forEach(builder::webhook);
        attachmentStore.ifAvailable(builder::attachmentStore);
        contentTypeDetector.ifAvailable(builder::contentTypeDetector);
        accessPolicy.ifAvailable(builder::accessPolicy);
        clock.ifUnique(builder::clock);
        // Boot's task executor (virtual threads when spring.threads.virtual.enabled): event streams whose clients
        // stop reading then block its threads, not a pool of the library's own.
        taskExecutor.ifAvailable(builder::eventDeliveryExecutor);
        notifiers.orderedStream().forEach(builder::notifier);
        observations.ifUnique(builder::observations);
        replyTokens.ifUnique(builder::replyTokens);
        // Notifications: only with settings (messaging.notifications.enabled) and at least one sender.
        notificationSettings.ifUnique(settings -> {
            builder.notifications(settings);
            notificationSenders.orderedStream().forEach(builder::notificationSender);
            recipientDirectory.ifUnique(builder::recipientDirectory);
        });
        return builder.build();
    }
}

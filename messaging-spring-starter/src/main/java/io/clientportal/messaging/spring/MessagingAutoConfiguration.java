package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingBuilder;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The core: one {@link Messaging} engine, closed when the context closes. Falls back to the in-memory store when no
 * other {@link MessagingStore} is configured (the JPA auto-configuration runs first and provides one when JPA is
 * present).
 */
@AutoConfiguration(after = MessagingAttachmentsAutoConfiguration.class,
        afterName = "io.clientportal.messaging.spring.MessagingJpaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessagingLimits messagingLimits(MessagingProperties properties) {
        return properties.toLimits();
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingStore messagingStore() {
        return new InMemoryMessagingStore();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Messaging messaging(MessagingStore store, ObjectProvider<AttachmentStore> attachmentStore,
                        MessagingLimits limits, MessagingProperties properties,
                        ObjectProvider<MessagingNotifier> notifiers, ObjectProvider<AccessPolicy> accessPolicy,
                        ObjectProvider<Clock> clock) {
        MessagingBuilder builder = Messaging.builder()
                .store(store)
                .limits(limits)
                .eventPollInterval(properties.getEvents().getPollInterval())
                .eventGapTimeout(properties.getEvents().getGapTimeout())
                .webhookPolicy(properties.getWebhookDelivery().toPolicy())
                .housekeepingInterval(properties.getHousekeepingInterval())
                .announcementLease(properties.getAnnouncements().getLease())
                .announcementSweepInterval(properties.getAnnouncements().getSweepInterval());
        properties.toWebhookEndpoints().forEach(builder::webhook);
        attachmentStore.ifAvailable(builder::attachmentStore);
        accessPolicy.ifAvailable(builder::accessPolicy);
        clock.ifUnique(builder::clock);
        notifiers.orderedStream().forEach(notifier -> {
            builder.notifier(notifier);
            if (notifier instanceof EventRelayMonitor monitor) {
                monitor.attach();
            }
        });
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventRelayMonitor messagingEventRelayMonitor(MessagingStore store, ObjectProvider<Clock> clock) {
        return new EventRelayMonitor(store.lastEventPosition(), clock.getIfUnique(Clock::systemUTC));
    }
}

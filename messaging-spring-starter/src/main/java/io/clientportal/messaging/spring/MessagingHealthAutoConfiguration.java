package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health indicator {@code messaging} (store and event relay), when Spring Boot's health support is
 * present. Off with {@code management.health.messaging.enabled=false}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("messaging")
@ConditionalOnBean(Messaging.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "messagingHealthIndicator")
    MessagingHealthIndicator messagingHealthIndicator(Messaging messaging, MessagingProperties properties) {
        return new MessagingHealthIndicator(messaging, properties.getHealth().getRelayStallTimeout());
    }
}

package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator endpoint {@code messaging} ({@link MessagingEndpoint}), when Actuator is present and the endpoint is
 * available (enabled and exposed: {@code management.endpoints.web.exposure.include=messaging}).
 */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, MessagingMetricsAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@ConditionalOnBean(Messaging.class)
@ConditionalOnAvailableEndpoint(MessagingEndpoint.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessagingEndpoint messagingEndpoint(Messaging messaging, MessagingProperties properties,
                                        ObjectProvider<MicrometerMessagingMetrics> metrics) {
        return new MessagingEndpoint(messaging, properties.getHealth().getRelayStallTimeout(),
                metrics.getIfUnique());
    }
}

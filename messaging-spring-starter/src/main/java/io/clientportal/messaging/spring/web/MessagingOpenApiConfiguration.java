package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.spring.MessagingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The controller serving {@code {base-path}/openapi.json}. Imported by
 * {@link io.clientportal.messaging.spring.MessagingOpenApiAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingOpenApiConfiguration {

    @Bean
    OpenApiController messagingOpenApiController(MessagingProperties properties) {
        return new OpenApiController(MessagingWebConfiguration.normalise(properties.getWeb().getBasePath()));
    }
}

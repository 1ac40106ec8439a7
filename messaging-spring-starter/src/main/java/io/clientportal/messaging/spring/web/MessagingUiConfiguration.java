package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.spring.UiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * The handler serving the web components at {@code messaging.ui.path} (see {@link UiResourceHandler}). Imported by
 * {@link io.clientportal.messaging.spring.MessagingUiAutoConfiguration}, which decides whether they are served.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingUiConfiguration {

    /**
     * After the application's controllers (a mapping of its own under the path wins) and before Boot's static
     * resources at {@code /**}, which would otherwise answer first.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    UiResourceHandler messagingUiResourceHandler() {
        return new UiResourceHandler();
    }

    @Bean
    SimpleUrlHandlerMapping messagingUiHandlerMapping(UiProperties properties, UiResourceHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(UiPaths.normalise(properties.getPath()) + "/**", handler), ORDER);
    }
}

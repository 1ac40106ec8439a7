package io.clientportal.messaging.spring;

import io.clientportal.messaging.spring.web.MessagingUiConfiguration;
import io.clientportal.messaging.spring.web.MessagingUiSecurity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The web components of {@code messaging-ui} ({@code classpath:/META-INF/messaging-ui/}), served as static files at
 * {@code messaging.ui.path} (default {@code /messaging-ui}), so a page loads {@code /messaging-ui/messaging-ui.js}.
 * Off with {@code messaging.ui.enabled=false}. Beside the starter's own security chain the files are public (a
 * chain of their own, {@code messagingUiSecurityFilterChain}); an application with chains of its own permits the
 * path there.
 */
// After Boot's security auto-configuration: a chain declared before it would make Boot drop the application's default
// chain (login page included).
@AutoConfiguration(after = {MessagingAutoConfiguration.class, MessagingSecurityAutoConfiguration.class}, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "messaging.ui.enabled", matchIfMissing = true)
@EnableConfigurationProperties(UiProperties.class)
@Import(MessagingUiConfiguration.class)
public class MessagingUiAutoConfiguration {

    /**
     * The public chain for the files, ordered before the API's: only when no chain of the application's own is
     * declared (as the API's own chain).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
    // Web security switched on (Boot's security auto-configuration, or @EnableWebSecurity of the application's).
    @ConditionalOnBean(HttpSecurity.class)
    @ConditionalOnBooleanProperty(name = "messaging.web.security.enabled", matchIfMissing = true)
    static class PublicFiles {

        @Bean
        @Order(MessagingSecurityAutoConfiguration.FILTER_CHAIN_ORDER - 2)
        @ConditionalOnMissingBean(name = OnNoApplicationSecurityFilterChainCondition.UI_CHAIN)
        @Conditional(OnNoApplicationSecurityFilterChainCondition.class)
        SecurityFilterChain messagingUiSecurityFilterChain(HttpSecurity http, UiProperties properties)
                throws Exception {
            return MessagingUiSecurity.filterChain(http, properties.getPath());
        }
    }
}

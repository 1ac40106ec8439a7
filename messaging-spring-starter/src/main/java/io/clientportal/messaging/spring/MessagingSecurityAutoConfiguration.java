package io.clientportal.messaging.spring;

import io.clientportal.messaging.spring.web.MessagingSecurity;
import io.clientportal.messaging.spring.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With Spring Security present: a filter chain of its own for the messaging paths (authentication required, CSRF
 * kept for browser sessions, problem answers), ordered before the application's chains. It runs after Boot's
 * security auto-configuration so that the application's default chain stays in place for everything else. Replace
 * it with a bean named {@code messagingSecurityFilterChain}, or switch it off with
 * {@code messaging.web.security.enabled=false} and secure the paths in your own chain.
 */
@AutoConfiguration(after = MessagingWebAutoConfiguration.class, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
@ConditionalOnBooleanProperty(name = "messaging.web.security.enabled", matchIfMissing = true)
@ConditionalOnBean(ProblemWriter.class)
public class MessagingSecurityAutoConfiguration {

    /** Before the application's chains, which commonly match every path. */
    public static final int FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    @Order(FILTER_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = "messagingSecurityFilterChain")
    SecurityFilterChain messagingSecurityFilterChain(HttpSecurity http, MessagingProperties properties,
                                                     ProblemWriter problems) throws Exception {
        return MessagingSecurity.filterChain(http, properties.getWeb().getBasePath(),
                properties.getWeb().getSecurity().getCsrfCookieSameSite(), problems);
    }
}

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
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With Spring Security present and no security chain of the application's own: a filter chain for the messaging
 * paths ({@link MessagingSecurity}: authentication required, CSRF for cookie sessions, problem answers, bearer JWTs
 * when there is a JwtDecoder, Basic when asked for), ordered before Boot's default chain, which stays in place for
 * everything else.
 * <p>
 * It backs off as soon as the application declares a {@code SecurityFilterChain} bean of its own (any not declared by
 * one of Spring Boot's auto-configurations): the application's chains then secure the API, and it applies
 * {@link io.clientportal.messaging.spring.web.MessagingSecurityConfigurer} in the one that covers it. It also backs
 * off for a bean named {@code messagingSecurityFilterChain}, and is off with
 * {@code messaging.web.security.enabled=false}.
 */
@AutoConfiguration(after = MessagingWebAutoConfiguration.class, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
@ConditionalOnBooleanProperty(name = "messaging.web.security.enabled", matchIfMissing = true)
@ConditionalOnBean(ProblemWriter.class)
public class MessagingSecurityAutoConfiguration {

    /** Before Boot's default chain, which matches every path. */
    public static final int FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    @Order(FILTER_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = OnNoApplicationSecurityFilterChainCondition.OWN_CHAIN)
    @Conditional(OnNoApplicationSecurityFilterChainCondition.class)
    SecurityFilterChain messagingSecurityFilterChain(HttpSecurity http, MessagingProperties properties,
                                                     ProblemWriter problems) throws Exception {
        return MessagingSecurity.filterChain(http, properties.getWeb().getBasePath(),
                properties.getWeb().getSecurity().getCsrfCookieSameSite(), problems);
    }
}

package io.clientportal.messaging.spring;

import io.clientportal.messaging.spring.web.MessagingSecurity;
import io.clientportal.messaging.spring.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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

import java.util.List;

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

    private static final Logger log = LoggerFactory.getLogger(MessagingSecurityAutoConfiguration.class);

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

    /** Says at startup that the application's own chains secure the API, so nobody wonders where ours went. */
    @Bean
    SmartInitializingSingleton messagingSecurityNotice(ConfigurableListableBeanFactory beans,
                                                       MessagingProperties properties) {
        return () -> {
            List<String> chains = OnNoApplicationSecurityFilterChainCondition.applicationChains(beans);
            if (!chains.isEmpty() && !beans.containsBean(OnNoApplicationSecurityFilterChainCondition.OWN_CHAIN)) {
                log.info("The application's SecurityFilterChain beans {} secure the messaging API under {}: apply "
                        + "MessagingSecurityConfigurer.messaging() in the one that covers it", chains,
                        properties.getWeb().getBasePath());
            }
        };
    }
}

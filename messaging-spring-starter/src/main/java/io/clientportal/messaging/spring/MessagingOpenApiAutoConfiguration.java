package io.clientportal.messaging.spring;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.MessagingOpenApi;
import io.clientportal.messaging.spring.web.MessagingOpenApiConfiguration;
import io.clientportal.messaging.spring.web.MessagingOpenApiCustomizer;
import io.clientportal.messaging.spring.web.MessagingOpenApiMethodFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@code GET {base-path}/openapi.json}: the OpenAPI 3.1 document of the API, served with the API (off with
 * {@code messaging.web.openapi.enabled=false}). With Spring Security, the document is readable without signing in
 * (it describes the API and holds no data) through a filter chain that matches only that path and method, ahead
 * of the API's own chain; {@code messaging.web.openapi.permit-all=false} leaves it to the API's chain. When the host
 * has springdoc-openapi, the same document is part of the host's: see {@link Springdoc}.
 */
// After Boot's security auto-configuration: a chain declared before it would make Boot drop the application's default
// chain (login page included).
@AutoConfiguration(after = {MessagingWebAutoConfiguration.class, MessagingSecurityAutoConfiguration.class}, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "messaging.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "messaging.web.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "messaging.web.openapi.enabled", matchIfMissing = true)
@ConditionalOnBean(Messaging.class)
@Import(MessagingOpenApiConfiguration.class)
public class MessagingOpenApiAutoConfiguration {

    /**
     * With springdoc-openapi, the host's default document describes the messaging API as the shipped document does
     * (its components and tags prefixed, so that none of the host's is replaced), and springdoc does not describe the
     * API's controllers from their signatures in any document or group.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class Springdoc {

        @Bean
        @ConditionalOnMissingBean
        MessagingOpenApiCustomizer messagingOpenApiCustomizer(MessagingProperties properties) {
            return new MessagingOpenApiCustomizer(properties.getWeb().getBasePath());
        }

        @Bean
        @ConditionalOnMissingBean
        MessagingOpenApiMethodFilter messagingOpenApiMethodFilter() {
            return new MessagingOpenApiMethodFilter();
        }
    }

    /**
     * The public chain for the document, ordered just before the API's: only beside the starter's own chain. An
     * application with chains of its own decides who reads the document (permit {@code GET {base-path}/openapi.json}
     * there to make it public).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
    @ConditionalOnBooleanProperty(name = "messaging.web.security.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "messaging.web.openapi.permit-all", matchIfMissing = true)
    static class PublicDocument {

        @Bean
        @Order(MessagingSecurityAutoConfiguration.FILTER_CHAIN_ORDER - 1)
        @ConditionalOnMissingBean(name = "messagingOpenApiSecurityFilterChain")
        @Conditional(OnNoApplicationSecurityFilterChainCondition.class)
        SecurityFilterChain messagingOpenApiSecurityFilterChain(HttpSecurity http, MessagingProperties properties)
                throws Exception {
            String path = MessagingOpenApi.path(properties.getWeb().getBasePath());
            return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path))
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                    .csrf(AbstractHttpConfigurer::disable)
                    .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }
    }
}

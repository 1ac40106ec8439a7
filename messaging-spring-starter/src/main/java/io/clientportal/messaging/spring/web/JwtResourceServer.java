package io.clientportal.messaging.spring.web;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.ClassUtils;

import java.util.List;

/**
 * Bearer JWTs on a chain: verified by the application's {@link JwtDecoder} bean, or, when trusted issuers are
 * listed, by each issuer's published keys ({@link JwtIssuerAuthenticationManagerResolver}). Only touched when
 * {@link #present()}.
 */
final class JwtResourceServer {

    private JwtResourceServer() {
    }

    /** Whether spring-security-oauth2-resource-server and -jose are on the classpath. */
    static boolean present() {
        ClassLoader loader = JwtResourceServer.class.getClassLoader();
        return ClassUtils.isPresent("org.springframework.security.oauth2.jwt.JwtDecoder", loader)
                && ClassUtils.isPresent("org.springframework.security.oauth2.jwt.NimbusJwtDecoder", loader)
                && ClassUtils.isPresent("org.springframework.security.oauth2.server.resource.authentication."
                + "JwtIssuerAuthenticationManagerResolver", loader);
    }

    /** Whether there is something to verify tokens with: trusted issuers, or a JwtDecoder bean. */
    static boolean configured(ApplicationContext context, List<String> issuers) {
        return present() && (!issuers.isEmpty()
                || (context != null && context.getBeanNamesForType(JwtDecoder.class).length > 0));
    }

    /** Whether the chain has a resource server already (the host configured one). */
    static boolean onChain(HttpSecurity http) {
        return present() && http.getConfigurer(OAuth2ResourceServerConfigurer.class) != null;
    }

    /**
     * Adds the resource server. API requests get {@code api}'s answers, the host's other paths Spring's own (a bare
     * 401 with {@code WWW-Authenticate: Bearer}).
     */
    static void configure(HttpSecurity http, List<String> issuers, ApiRequestMatcher api,
                          AuthenticationEntryPoint apiEntryPoint, AccessDeniedHandler apiDenied) {
        AuthenticationEntryPoint others = new BearerTokenAuthenticationEntryPoint();
        AccessDeniedHandler othersDenied = new BearerTokenAccessDeniedHandler();
        http.oauth2ResourceServer(server -> {
            server.authenticationEntryPoint((request, response, exception) ->
                    (api.matches(request) ? apiEntryPoint : others).commence(request, response, exception));
            server.accessDeniedHandler((request, response, exception) ->
                    (api.matches(request) ? apiDenied : othersDenied).handle(request, response, exception));
            if (issuers.isEmpty()) {
                server.jwt(Customizer.withDefaults());
            } else {
                server.authenticationManagerResolver(JwtIssuerAuthenticationManagerResolver.fromTrustedIssuers(
                        List.copyOf(issuers)));
            }
        });
    }
}

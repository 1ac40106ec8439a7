package io.clientportal.messaging.spring.web;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The starter's own filter chain for the messaging API, for applications without a security chain of their own: every
 * request under the base path must be authenticated (a session login of the host, a bearer JWT when there is a
 * {@code JwtDecoder} or trusted issuers, HTTP Basic when {@code messaging.web.security.basic=true}), with the rules of
 * {@link MessagingSecurityConfigurer} (CSRF for cookie sessions, problem answers, CORS). The chain never creates a
 * server session: anonymous and failed requests leave nothing behind (no saved request, no session).
 * <p>
 * An application with chains of its own applies {@link MessagingSecurityConfigurer} in the one that covers the API
 * instead.
 */
public final class MessagingSecurity {

    private MessagingSecurity() {
    }

    /** Builds the chain for {@code basePath/**}, with the CSRF cookie {@code SameSite=Lax}. */
    public static SecurityFilterChain filterChain(HttpSecurity http, String basePath, ProblemWriter problems)
            throws Exception {
        return filterChain(http, basePath, "Lax", problems);
    }

    /**
     * Builds the chain for {@code basePath/**}; the authentication mechanisms come from the {@code messaging.*}
     * properties.
     *
     * @param csrfCookieSameSite the {@code SameSite} attribute of the {@code XSRF-TOKEN} cookie
     */
    public static SecurityFilterChain filterChain(HttpSecurity http, String basePath, String csrfCookieSameSite,
                                                  ProblemWriter problems) throws Exception {
        http.securityMatcher(new ApiRequestMatcher(basePath))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // One-click unsubscribe from a notification email: no login; its signed token decides.
                        .requestMatchers(org.springframework.security.web.servlet.util.matcher
                                .PathPatternRequestMatcher.withDefaults().matcher(
                                        org.springframework.http.HttpMethod.POST,
                                        normalised(basePath) + "/notifications/unsubscribe")).permitAll()
                        // Inbound mail from a mail provider: no login; its shared secret decides.
                        .requestMatchers(org.springframework.security.web.servlet.util.matcher
                                .PathPatternRequestMatcher.withDefaults().matcher(
                                        org.springframework.http.HttpMethod.POST,
                                        normalised(basePath) + "/notifications/inbound")).permitAll()
                        .anyRequest().authenticated())
                // The configurer's own check, after authentication, is the API's CSRF protection.
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .with(MessagingSecurityConfigurer.messaging().basePath(basePath)
                        .csrfCookieSameSite(csrfCookieSameSite).problemWriter(problems), configurer -> { });
        return http.build();
    }

    private static String normalised(String basePath) {
        String path = basePath.trim().startsWith("/") ? basePath.trim() : "/" + basePath.trim();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

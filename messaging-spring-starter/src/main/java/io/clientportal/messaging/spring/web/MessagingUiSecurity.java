package io.clientportal.messaging.spring.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The filter chain that makes the web components' files public: they are code, not secrets, and a login page may need
 * them. It matches only requests under the path (as sent and as decoded), reads no session and makes none; Spring
 * Security's firewall still refuses encoded and non-normalised paths before any chain, and its default headers stay.
 * <p>
 * An application with a security chain of its own permits the path there instead:
 * {@code .requestMatchers("/messaging-ui/**").permitAll()}.
 */
public final class MessagingUiSecurity {

    private MessagingUiSecurity() {
    }

    /** Builds the chain for {@code path/**} (the normalised {@code messaging.ui.path}). */
    public static SecurityFilterChain filterChain(HttpSecurity http, String path) throws Exception {
        return http.securityMatcher(new UiRequestMatcher(path))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                // Nothing here writes: GET and HEAD are all the handler answers.
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}

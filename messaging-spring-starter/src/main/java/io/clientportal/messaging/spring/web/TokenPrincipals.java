package io.clientportal.messaging.spring.web;

import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.ClassUtils;

import java.util.Map;

/**
 * Principals authenticated by a bearer token (a JWT or an introspected opaque token) and their claims, without
 * needing spring-security-oauth2-resource-server on the classpath: without it no principal is a token principal.
 */
final class TokenPrincipals {

    private static final boolean PRESENT = ClassUtils.isPresent(
            "org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken",
            TokenPrincipals.class.getClassLoader());

    private TokenPrincipals() {
    }

    /** Whether {@code principal} was authenticated by a bearer token the request carried itself. */
    static boolean isToken(Object principal) {
        return PRESENT && principal != null && OAuth2.isToken(principal);
    }

    /** The token's claims; empty for any other principal. */
    static Map<String, Object> claims(Object principal) {
        return isToken(principal) ? OAuth2.claims(principal) : Map.of();
    }

    /** A claim as text, or {@code null} when absent, blank or not a single value. */
    static String claim(Object principal, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Object value = claims(principal).get(name);
        if (value instanceof String text) {
            return text.isBlank() ? null : text;
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    /** Loaded only when the resource server classes are there. */
    private static final class OAuth2 {

        static boolean isToken(Object principal) {
            return principal instanceof AbstractOAuth2TokenAuthenticationToken<?>;
        }

        static Map<String, Object> claims(Object principal) {
            return ((AbstractOAuth2TokenAuthenticationToken<?>) principal).getTokenAttributes();
        }
    }
}

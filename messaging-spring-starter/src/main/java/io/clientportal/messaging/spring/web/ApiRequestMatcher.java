package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Objects;

/** The requests to the messaging API: those under its base path (as sent, so an encoded path can't slip past). */
final class ApiRequestMatcher implements RequestMatcher {

    private final String basePath;

    ApiRequestMatcher(String basePath) {
        this.basePath = MessagingWebConfiguration.normalise(Objects.requireNonNull(basePath,
                "basePath must not be null"));
    }

    String basePath() {
        return basePath;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return ApiPaths.isUnder(request.getRequestURI(), request.getContextPath(), basePath);
    }

    @Override
    public String toString() {
        return "messaging API under " + basePath;
    }
}

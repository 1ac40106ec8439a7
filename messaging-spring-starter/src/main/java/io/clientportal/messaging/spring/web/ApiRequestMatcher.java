package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Objects;

/**
 * The requests to the messaging API: those under its base path as sent, or as decoded (what the dispatcher routes
 * by), so that an encoded spelling of the path can't slip past the API's rules.
 */
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
        if (ApiPaths.isUnder(request.getRequestURI(), request.getContextPath(), basePath)) {
            return true;
        }
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String decoded = request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
        return !decoded.isEmpty() && ApiPaths.isUnder(decoded, "", basePath);
    }

    @Override
    public String toString() {
        return "messaging API under " + basePath;
    }
}

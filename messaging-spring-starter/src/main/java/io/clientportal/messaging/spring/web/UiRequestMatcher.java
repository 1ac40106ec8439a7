package io.clientportal.messaging.spring.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests for the web components' files: under the path both as sent and as decoded (what the dispatcher routes
 * by), so that no spelling of another path can ride on this public one; and the error dispatch of such a request
 * (its 404 page).
 */
final class UiRequestMatcher implements RequestMatcher {

    private final String path;

    UiRequestMatcher(String path) {
        this.path = UiPaths.normalise(path);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                    && UiPaths.isUnder(uri, request.getContextPath(), path);
        }
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String decoded = request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
        return UiPaths.isUnder(request.getRequestURI(), request.getContextPath(), path)
                && UiPaths.isUnder(decoded, "", path);
    }

    @Override
    public String toString() {
        return "messaging UI files under " + path;
    }
}

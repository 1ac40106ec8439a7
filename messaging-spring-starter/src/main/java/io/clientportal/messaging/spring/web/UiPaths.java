package io.clientportal.messaging.spring.web;

import java.util.regex.Pattern;

/** The path the web components are served under ({@code messaging.ui.path}): its one spelling and its checks. */
final class UiPaths {

    /** One or more segments of letters, digits and {@code - . _ ~}; nothing a pattern or a browser reads as syntax. */
    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private UiPaths() {
    }

    /**
     * The path with one leading slash and no trailing one.
     *
     * @throws IllegalStateException for {@code /}, wildcards, {@code .} or {@code ..} segments and other syntax: the
     *                               path is made public, so it must be exactly what it looks like
     */
    static String normalise(String configured) {
        String path = configured == null ? "" : configured.trim();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!PLAIN.matcher(path).matches() || path.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalStateException("messaging.ui.path must be a plain path such as /messaging-ui (not /, no "
                    + "wildcards, no . or .. segments), not '" + configured + "'");
        }
        return path;
    }

    /**
     * Whether a request URI is the path or under it.
     *
     * @param uri         a request URI (as sent, or decoded), with the context path
     * @param contextPath the application's context path ({@code ""} for the root)
     * @param path        the normalised path
     */
    static boolean isUnder(String uri, String contextPath, String path) {
        String prefix = (contextPath == null ? "" : contextPath) + path;
        return uri != null && uri.startsWith(prefix)
                && (uri.length() == prefix.length() || uri.charAt(prefix.length()) == '/');
    }
}

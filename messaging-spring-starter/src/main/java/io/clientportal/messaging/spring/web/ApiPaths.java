package io.clientportal.messaging.spring.web;

/** Whether a raw request URI is one of the messaging API's. */
final class ApiPaths {

    private ApiPaths() {
    }

    /**
     * Whether a raw request URI is the one-click unsubscribe endpoint, which needs no login and no CSRF token.
     *
     * @param uri         the request URI as sent (not decoded), with the context path
     * @param contextPath the application's context path ({@code ""} for the root)
     * @param basePath    the API's normalised base path
     */
    static boolean isUnsubscribe(String uri, String contextPath, String basePath) {
        String path = (contextPath == null ? "" : contextPath) + basePath + "/notifications/unsubscribe";
        return uri.equals(path);
    }

    /**
     * Whether a raw request URI is the inbound mail endpoint, which needs no login and no CSRF token (its shared
     * secret is the check).
     */
    static boolean isInboundMail(String uri, String contextPath, String basePath) {
        String path = (contextPath == null ? "" : contextPath) + basePath + "/notifications/inbound";
        return uri.equals(path);
    }

    /** Whether a raw request URI is that of {@code /me} (the caller described): where a client starts. */
    static boolean isMe(String uri, String contextPath, String basePath) {
        String path = (contextPath == null ? "" : contextPath) + basePath + "/me";
        return uri.equals(path);
    }

    /**
     * @param uri         the request URI as sent (not decoded), with the context path
     * @param contextPath the application's context path ({@code ""} for the root)
     * @param basePath    the API's normalised base path
     */
    static boolean isUnder(String uri, String contextPath, String basePath) {
        String prefix = (contextPath == null ? "" : contextPath) + basePath;
        // What may follow the base path: a segment, path parameters, a query, or an escape (an encoded slash).
        return uri.startsWith(prefix)
                && (uri.length() == prefix.length() || "/;?%".indexOf(uri.charAt(prefix.length())) >= 0);
    }
}

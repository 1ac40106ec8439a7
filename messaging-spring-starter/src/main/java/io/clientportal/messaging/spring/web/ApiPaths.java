package io.clientportal.messaging.spring.web;

/** Whether a raw request URI is one of the messaging API's. */
final class ApiPaths {

    private ApiPaths() {
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

package io.clientportal.messaging.spring.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 document of the REST and SSE API, shipped in the starter's jar as
 * {@value #RESOURCE} (the single source: the starter serves it, and a host's springdoc or API gateway can read the
 * same file). Its paths are relative to its {@code servers} entry, the base path.
 */
public final class MessagingOpenApi {

    /** Where the document lies on the classpath. */
    public static final String RESOURCE = "io/clientportal/messaging/spring/web/openapi.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectNode DOCUMENT = load();

    private MessagingOpenApi() {
    }

    /**
     * A copy of the document whose {@code servers} is the given URL.
     *
     * @param serverUrl the context path and base path of the API (or an absolute URL), never {@code null}
     */
    public static ObjectNode document(String serverUrl) {
        ObjectNode copy = DOCUMENT.deepCopy();
        copy.putArray("servers").addObject().put("url", serverUrl);
        return copy;
    }

    /** The document as shipped (its server is the default base path, {@code /api/messaging}). */
    public static ObjectNode document() {
        return DOCUMENT.deepCopy();
    }

    /**
     * The path the document is served at.
     *
     * @param basePath {@code messaging.web.base-path} as configured (normalised here)
     */
    public static String path(String basePath) {
        return MessagingWebConfiguration.normalise(basePath) + "/openapi.json";
    }

    private static ObjectNode load() {
        try (InputStream in = MessagingOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode document = JSON.readTree(in);
            return (ObjectNode) document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

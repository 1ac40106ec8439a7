package io.clientportal.messaging.spring.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the files of {@value #LOCATION} (the {@code messaging-ui} jar) and nothing else: Spring's resource handler,
 * which refuses {@code ..}, encoded and backslash spellings of it, and anything that resolves outside the folder,
 * and never lists a directory. Every answer says {@code Cache-Control: no-cache} with an ETag from the file's bytes and
 * its Last-Modified, so browsers keep the files but revalidate them: a new version of the package shows at once,
 * with no cache-busting names.
 */
final class UiResourceHandler extends ResourceHttpRequestHandler {

    /** Where the web components are on the classpath. */
    static final String LOCATION = "classpath:/META-INF/messaging-ui/";

    private static final String NOSNIFF = "nosniff";

    /**
     * The package's own kinds of file, ahead of the container's table, which has {@code .ts} as an MPEG stream and
     * gives scripts no charset.
     */
    private static final Map<String, MediaType> TYPES = Map.of(
            "js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "mjs", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "css", new MediaType("text", "css", StandardCharsets.UTF_8),
            "ts", new MediaType("text", "plain", StandardCharsets.UTF_8),
            "json", MediaType.APPLICATION_JSON,
            "map", MediaType.APPLICATION_JSON);

    UiResourceHandler() {
        setLocationValues(List.of(LOCATION));
        setCacheControl(CacheControl.noCache());
        setUseLastModified(true);
        setEtagGenerator(new ContentEtags());
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", NOSNIFF);
        // Before the answer is decided: a 304 must say it too, and Spring applies its cache settings only to a 200.
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        super.handleRequest(request, response);
    }

    @Override
    protected MediaType getMediaType(HttpServletRequest request, Resource resource) {
        String extension = StringUtils.getFilenameExtension(resource.getFilename());
        MediaType own = extension == null ? null : TYPES.get(extension.toLowerCase(Locale.ROOT));
        return own != null ? own : super.getMediaType(request, resource);
    }
}

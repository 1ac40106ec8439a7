package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes a problem detail (Spring's {@link ProblemDetail}, as {@code application/problem+json}) as the answer to a
 * request where Spring MVC does not answer it (a servlet filter, the security chain, the error dispatch), and tells
 * the {@link RejectedRequestListener}s.
 */
public final class ProblemWriter {

    /** The type of a problem whose status says what kind of problem it is. */
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    /** What a URI path holds unescaped beside letters and digits (RFC 3986 pchar and {@code /}). */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";

    private final MessagingJson json;
    private final List<RejectedRequestListener> listeners;

    public ProblemWriter(MessagingJson json, List<RejectedRequestListener> listeners) {
        this.json = Objects.requireNonNull(json, "json must not be null");
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Answers {@code request} with {@code error}'s status, headers ({@code Retry-After}, {@code Allow}, ...) and
     * problem detail, replacing whatever the response had buffered.
     *
     * @param reason the low-cardinality reason reported to the listeners
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorResponse error, String reason)
            throws IOException {
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(request, response, error.getBody(), reason);
    }

    /**
     * Answers {@code request} with {@code problem}, replacing whatever the response had buffered. The problem's
     * instance is the request's path unless it names one already.
     *
     * @param reason the low-cardinality reason reported to the listeners
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, String reason)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        ProblemCodes.apply(problem, reason);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(render(problem).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        reported(problem.getStatus(), reason);
    }

    /**
     * The JSON text of {@code problem}, for a writer that answers through its own channel. A problem without a type
     * is written with {@code about:blank}, as the API has always said it (Spring leaves the member out), and one
     * without a {@code code} with the code its status tells ({@link ProblemCodes}).
     */
    String render(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        ProblemCodes.apply(problem, null);
        return json.write(problem);
    }

    /** Tells the listeners of a problem answered through {@link #render}. */
    void reported(int status, String reason) {
        for (RejectedRequestListener listener : listeners) {
            listener.rejected(status, reason);
        }
    }

    /**
     * A request path as a problem's instance. Paths the container refused may not be URIs (a malformed escape): then
     * only the path's characters a URI can't hold are escaped.
     */
    static URI instance(String path) {
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            StringBuilder escaped = new StringBuilder();
            for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || PATH_CHARACTERS.indexOf(c) >= 0) {
                    escaped.append((char) c);
                } else {
                    escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
            return URI.create(escaped.toString());
        }
    }
}

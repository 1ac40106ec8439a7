package io.clientportal.messaging.spring.web;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One server-sent event as one piece of text, so that the stream writes it with one write. Spring's own builder hands
 * an event to the response in three or more pieces (the fields before the data, the data, the blank line after it),
 * which a container that does not gather small writes (Jetty with {@code messaging.web.sse.socket-buffer-size}: a
 * gathering buffer would be held by every open stream) sends as a write, and a chunk, each. The fields are written
 * as the specification reads them: a value with line breaks becomes one line of its field per line.
 */
final class SseFrame implements SseEmitter.SseEventBuilder {

    private static final MediaType TEXT_PLAIN = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final StringBuilder text = new StringBuilder(256);

    static SseFrame event() {
        return new SseFrame();
    }

    @Override
    public SseFrame id(String id) {
        return field("id", id);
    }

    @Override
    public SseFrame name(String eventName) {
        return field("event", eventName);
    }

    @Override
    public SseFrame reconnectTime(long reconnectTimeMillis) {
        return field("retry", Long.toString(reconnectTimeMillis));
    }

    @Override
    public SseFrame comment(String comment) {
        return field("", comment);
    }

    @Override
    public SseFrame data(Object object) {
        return field("data", String.valueOf(object));
    }

    /** The data as its text: the streams send text they have serialised already (the media type says nothing more). */
    @Override
    public SseFrame data(Object object, MediaType mediaType) {
        return data(object);
    }

    @Override
    public Set<DataWithMediaType> build() {
        return Set.of(new DataWithMediaType(toString(), TEXT_PLAIN));
    }

    /** The frame's text, ending with the blank line that ends an event. */
    @Override
    public String toString() {
        return text + "\n";
    }

    private SseFrame field(String name, String value) {
        int start = 0;
        for (int end = lineEnd(value, start); ; end = lineEnd(value, start)) {
            text.append(name).append(':').append(value, start, end).append('\n');
            if (end == value.length()) {
                return this;
            }
            // CR LF, CR and LF all end a line (the specification's three line endings).
            start = value.charAt(end) == '\r' && end + 1 < value.length() && value.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
        }
    }

    private static int lineEnd(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return value.length();
    }
}

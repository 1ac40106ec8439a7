package io.clientportal.messaging.spring.web;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.StreamUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.exc.InvalidDefinitionException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads and writes the messaging API's JSON with {@link MessagingJson}, for the messaging types only, so the host's
 * own converter and its settings stay untouched for everything else. Request bodies are capped at
 * {@code messaging.web.max-json-body-size}. Answers are written by one {@link ObjectWriter} per type written, kept:
 * Spring's converter makes a writer (and finds its serializer) for every answer.
 */
final class MessagingJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    private static final String MODEL_PACKAGE = "io.clientportal.messaging";

    /** More than the API has answer types would mean something unforeseen is written: not kept then. */
    private static final int MAX_WRITERS = 512;

    private final long maxBodyBytes;
    private final Map<Type, Declared> declaredTypes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectWriter> classes = new ConcurrentHashMap<>();

    MessagingJsonHttpMessageConverter(MessagingJson json, long maxBodyBytes) {
        super(json.mapper());
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Writes as Spring's converter does (a container, or an {@code Optional}, by its declared type, anything else by
     * its own class), with a kept writer. A JSON view or filters in the hints take Spring's own way.
     */
    @Override
    protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage outputMessage,
                                 Map<String, Object> hints) throws IOException {
        if (hints != null && !hints.isEmpty()) {
            super.writeInternal(object, type, outputMessage, hints);
            return;
        }
        ObjectWriter writer = writer(object.getClass(), type);
        try (JsonGenerator generator = writer.createGenerator(StreamUtils.nonClosing(outputMessage.getBody()),
                getJsonEncoding(outputMessage.getHeaders().getContentType()))) {
            writer.writeValue(generator, object);
            generator.flush();
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JacksonException e) {
            throw new HttpMessageNotWritableException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectWriter writer(Class<?> valueClass, ResolvableType type) {
        Class<?> resolved = type.resolve();
        if (resolved != null && resolved.isAssignableFrom(valueClass)) {
            Declared declared = kept(declaredTypes, type.getType(), t -> {
                JavaType javaType = getJavaType(t, null);
                boolean byDeclared = javaType.isContainerType() || javaType.isTypeOrSubTypeOf(Optional.class);
                return new Declared(byDeclared ? defaultMapper.writerFor(javaType) : null);
            });
            if (declared.writer() != null) {
                return declared.writer();
            }
        }
        // By its own class: a declared supertype would leave the value's own fields out.
        return kept(classes, valueClass, defaultMapper::writerFor);
    }

    private static <K, V> V kept(Map<K, V> map, K key, Function<K, V> make) {
        V value = map.get(key);
        if (value == null) {
            value = make.apply(key);
            if (map.size() < MAX_WRITERS) {
                map.putIfAbsent(key, value);
            }
        }
        return value;
    }

    /** A declared type's writer when it writes by that type (a container, an {@code Optional}), else none. */
    private record Declared(ObjectWriter writer) {
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage inputMessage, Map<String, Object> hints)
            throws IOException, HttpMessageNotReadableException {
        long declared = inputMessage.getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        byte[] body = readCapped(inputMessage.getBody());
        return super.read(type, new BufferedInputMessage(inputMessage.getHeaders(), body), hints);
    }

    private byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static boolean isMessagingType(ResolvableType type) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return false;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Class<?> element = type.asCollection().getGeneric(0).resolve();
            return element != null && element.getPackageName().startsWith(MODEL_PACKAGE);
        }
        return raw.getPackageName().startsWith(MODEL_PACKAGE);
    }

    private record BufferedInputMessage(HttpHeaders headers, byte[] body) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}

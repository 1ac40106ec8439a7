package io.clientportal.messaging.spring.web;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

/**
 * Reads and writes the messaging API's JSON with {@link MessagingJson}, for the messaging types only, so the host's
 * own converter and its settings stay untouched for everything else. Request bodies are capped at
 * {@code messaging.web.max-json-body-size}.
 */
final class MessagingJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    private static final String MODEL_PACKAGE = "io.clientportal.messaging";

    private final long maxBodyBytes;

    MessagingJsonHttpMessageConverter(MessagingJson json, long maxBodyBytes) {
        super(json.mapper());
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return isMessagingType(type) && super.canRead(type, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType targetType, Class<?> valueClass, MediaType mediaType) {
        ResolvableType type = targetType.resolve() == null || targetType.resolve() == Object.class
                ? ResolvableType.forClass(valueClass) : targetType;
        return isMessagingType(type) && super.canWrite(targetType, valueClass, mediaType);
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

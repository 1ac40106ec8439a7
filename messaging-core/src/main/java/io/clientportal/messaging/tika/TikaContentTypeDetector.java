package io.clientportal.messaging.tika;

import io.clientportal.messaging.spi.ContentTypeDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Detects with Apache Tika's type registry (tika-core alone: magic numbers, XML root elements, text), so that
 * allowlists can name the hundreds of types it knows ({@code text/csv}, {@code video/mp4}, {@code image/heic}, ...).
 * The bytes decide; the file name only narrows what they say to one of its specialisations (a ZIP to a Word document,
 * plain text to CSV), never names a type the bytes don't show: a binary of no known format called {@code x.mp4} is
 * not a video.
 */
public final class TikaContentTypeDetector implements ContentTypeDetector {

    /** The most leading bytes asked for, whatever the registry's deepest magic: 64 KiB. */
    static final int MAX_HEAD_SIZE = 64 * 1024;

    private final MimeTypes types;
    private final MediaTypeRegistry registry;

    /** A detector over Tika's default registry ({@code tika-mimetypes.xml} and any custom types on the classpath). */
    public TikaContentTypeDetector() {
        this(MimeTypes.getDefaultMimeTypes());
    }

    /** A detector over the given registry. */
    public TikaContentTypeDetector(MimeTypes types) {
        this.types = Objects.requireNonNull(types, "types must not be null");
        this.registry = types.getMediaTypeRegistry();
    }

    @Override
    public String detect(byte[] head, int length, String filename) {
        MediaType fromBytes;
        try {
            fromBytes = types.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory failed", e);
        }
        if (fromBytes == null || fromBytes.equals(MediaType.OCTET_STREAM)) {
            return null;
        }
        MediaType fromName = types.getMimeType(filename).getType();
        MediaType type = registry.isSpecializationOf(fromName, fromBytes) ? fromName : fromBytes;
        return type.getBaseType().toString();
    }

    /**
     * Whether the type is a registered one under its canonical name and the bytes can show it: it has magic numbers,
     * is XML or plain text, or it has a file name pattern and specialises such a type.
     */
    @Override
    public boolean recognises(String contentType) {
        MediaType type = MediaType.parse(contentType);
        if (type == null || !registry.normalize(type).equals(type)) {
            return false;
        }
        MimeType known = registered(type);
        if (known == null) {
            return false;
        }
        if (shownByBytes(type)) {
            return true;
        }
        if (known.getExtensions().isEmpty()) {
            return false;
        }
        for (MediaType parent = registry.getSupertype(type); parent != null && !parent.equals(MediaType.OCTET_STREAM);
             parent = registry.getSupertype(parent)) {
            if (shownByBytes(parent)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int headSize() {
        return Math.min(MAX_HEAD_SIZE, Math.max(DEFAULT_HEAD_SIZE, types.getMinLength()));
    }

    private boolean shownByBytes(MediaType type) {
        if (type.equals(MediaType.TEXT_PLAIN)) {
            return true;
        }
        MimeType known = registered(type);
        // XML's own types are told by their root element, which tika-core reads but does not expose.
        return known != null && (known.hasMagic() || registry.isSpecializationOf(type, MediaType.APPLICATION_XML));
    }

    private MimeType registered(MediaType type) {
        try {
            return types.getRegisteredMimeType(type.toString());
        } catch (MimeTypeException e) {
            return null;
        }
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.spi.ContentTypeDetector;
import io.clientportal.messaging.spi.StandardContentTypeDetector;

import java.util.Locale;

/**
 * An upload's type as the core decides it: the configured detector's answer from the bytes, in canonical form, and
 * never a harmless text type for markup or script, whatever the detector said: a browser that ignored
 * {@code nosniff} would render or run it.
 */
final class UploadTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private final ContentTypeDetector detector;

    UploadTypes(ContentTypeDetector detector) {
        this.detector = detector;
    }

    /** How many leading bytes to read for {@link #detect}. */
    int headSize() {
        return Math.max(1, detector.headSize());
    }

    String detect(byte[] head, int length, String filename) {
        String type = canonical(detector.detect(head, length, filename));
        if (isText(type) && !type.equals("text/html") && !type.equals("image/svg+xml")) {
            String active = StandardContentTypeDetector.activeContentType(head, length);
            if (active != null) {
                return active;
            }
        }
        return type;
    }

    private static String canonical(String type) {
        if (type == null || type.isBlank()) {
            return OCTET_STREAM;
        }
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /** Types a detector may give text that is markup or script in truth; HTML and SVG stay as detected. */
    private static boolean isText(String type) {
        return type.startsWith("text/") || type.endsWith("/xml") || type.endsWith("+xml") || type.endsWith("json")
                || type.contains("javascript");
    }
}

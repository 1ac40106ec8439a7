package io.clientportal.messaging.spi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in detector, without dependencies: the magic numbers of PNG, JPEG, GIF, WebP, PDF and ZIP (Office
 * documents told apart by their extension), UTF-8 text, and markup (HTML, SVG, XML) and script recognised as such,
 * so that they can't pass as an image or as plain text. Anything else is {@code application/octet-stream}.
 */
public final class StandardContentTypeDetector implements ContentTypeDetector {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    /** Every type {@link #detect} answers but {@code application/octet-stream}. */
    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "application/zip", DOCX, XLSX, PPTX, "text/plain", "text/html", "image/svg+xml",
            "application/xml", "text/javascript");

    /** Markup a browser would render or run, wherever in the head it appears. */
    private static final String[] HTML_SIGNS = {"<script", "<body", "<head", "<iframe", "<html", "<object",
        "<embed", "<meta", "<form", "<style", "<link"};
    /** Script a browser would run, wherever in the head it appears. */
    private static final String[] SCRIPT_SIGNS = {"document.cookie", "document.write", "document.location",
        "window.location", "eval(", "'use strict'", "\"use strict\""};
    /** How a script file starts. */
    private static final String[] SCRIPT_STARTS = {"function ", "function(", "(function", "(() =>", "(()=>"};

    @Override
    public String detect(byte[] head, int length, String filename) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (length >= 12 && startsWith(head, length, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return "image/webp";
        }
        if (startsWith(head, length, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(head, length, 'P', 'K', 0x03, 0x04)) {
            return zipType(filename);
        }
        if (!isUtf8Text(head, length)) {
            return OCTET_STREAM;
        }
        String active = activeContentType(head, length);
        return active != null ? active : "text/plain";
    }

    @Override
    public boolean recognises(String contentType) {
        return TYPES.contains(contentType);
    }

    /**
     * The type of a head that a browser would render or run, whatever its encoding (UTF-8, Latin-1, UTF-16):
     * {@code image/svg+xml} when it has an {@code <svg} element, {@code text/html} when it has HTML
     * ({@code <!doctype}, {@code <html}, {@code <script}, ...), {@code application/xml} for other XML,
     * {@code text/javascript} for script ({@code document.cookie}, {@code eval(}, a leading {@code function}, ...);
     * otherwise {@code null}. The core applies it to whatever a detector calls text.
     *
     * @param head   the upload's first bytes
     * @param length how many of them are valid
     */
    public static String activeContentType(byte[] head, int length) {
        String lead = asciiLowerCase(head, length).stripLeading();
        if (lead.contains("<svg")) {
            return "image/svg+xml";
        }
        if (lead.startsWith("<!doctype") || containsAny(lead, HTML_SIGNS)) {
            return "text/html";
        }
        if (lead.startsWith("<?xml")) {
            return "application/xml";
        }
        if (containsAny(lead, SCRIPT_SIGNS) || Arrays.stream(SCRIPT_STARTS).anyMatch(lead::startsWith)) {
            return "text/javascript";
        }
        return null;
    }

    private static boolean containsAny(String text, String[] signs) {
        for (String sign : signs) {
            if (text.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    /** The head's ASCII letters in lower case, NULs (UTF-16's high bytes) and a byte-order mark left out. */
    private static String asciiLowerCase(byte[] head, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0 || b == 0xEF || b == 0xBB || b == 0xBF || b == 0xFE || b == 0xFF) {
                continue;
            }
            text.append(b < 0x80 ? Character.toLowerCase((char) b) : '?');
        }
        return text.toString();
    }

    private static String zipType(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx")) {
            return DOCX;
        }
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".pptx")) {
            return PPTX;
        }
        return "application/zip";
    }

    private static boolean isUtf8Text(byte[] head, int length) {
        int start = startsWith(head, length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text;
        try {
            // A multi-byte character cut at the end of the head is not a reason to call the file binary.
            int end = length;
            while (end > start && end > length - 4 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > start && (head[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

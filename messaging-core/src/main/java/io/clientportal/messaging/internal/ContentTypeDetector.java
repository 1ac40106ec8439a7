package io.clientportal.messaging.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Detects a file's type from its first bytes, never trusting the uploader's header. Markup (HTML, SVG, XML) is
 * recognised as such, so it can't pass as an image or as plain text.
 */
final class ContentTypeDetector {

    /** How many leading bytes detection looks at. */
    static final int HEAD_SIZE = 8192;

    static final String OCTET_STREAM = "application/octet-stream";

    private ContentTypeDetector() {
    }

    /**
     * @param head     the first bytes (up to {@link #HEAD_SIZE})
     * @param length   how many of them are valid
     * @param filename the sanitised name, only to tell Office documents from other ZIP files
     */
    static String detect(byte[] head, int length, String filename) {
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
        return textType(head, length);
    }

    private static String zipType(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".pptx")) {
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        return "application/zip";
    }

    private static String textType(byte[] head, int length) {
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
            return OCTET_STREAM;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return OCTET_STREAM;
            }
        }
        String lead = text.stripLeading().toLowerCase(Locale.ROOT);
        if (lead.startsWith("<?xml") || lead.startsWith("<svg") || lead.contains("<svg")) {
            return lead.contains("<svg") ? "image/svg+xml" : "application/xml";
        }
        if (lead.startsWith("<!doctype") || lead.startsWith("<html") || lead.contains("<script")
                || lead.contains("<body") || lead.contains("<head") || lead.contains("<iframe")
                || lead.contains("<html")) {
            return "text/html";
        }
        return "text/plain";
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

package io.clientportal.messaging.spring.web;

import org.springframework.http.ContentDisposition;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with both an ASCII {@code filename} fallback and the RFC 6266 / RFC 8187
 * encoded {@code filename*}, so every browser saves the file under its real name and none renders it. Spring's
 * {@link ContentDisposition} writes the header; only the fallback is made here: given a charset, Spring's fallback is
 * an RFC 2047 encoded word ({@code =?UTF-8?Q?...?=}), which RFC 6266 (appendix D) advises against and browsers that
 * don't read {@code filename*} would show as the name. Here they show the name with {@code _} for what ASCII lacks.
 */
final class ContentDispositionHeader {

    private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

    private ContentDispositionHeader() {
    }

    static String attachment(String filename) {
        String name = filename == null || filename.isBlank() ? "attachment" : filename;
        return ContentDisposition.attachment().filename(asciiFallback(name)).build()
                + "; filename*=UTF-8''" + encode(name);
    }

    /** {@code Content-Disposition: inline} with the same two names (a thumbnail, shown in the page). */
    static String inline(String filename) {
        String name = filename == null || filename.isBlank() ? "thumbnail" : filename;
        return ContentDisposition.inline().filename(asciiFallback(name)).build()
                + "; filename*=UTF-8''" + encode(name);
    }

    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 8187's {@code value-chars}: attr-chars as they are, every other byte of the UTF-8 form as {@code %XX}. */
    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

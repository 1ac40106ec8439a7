package io.clientportal.messaging.internal;

import java.text.Normalizer;

/**
 * Makes an uploaded file name safe to show and to offer as a download name: no path, no control or reserved
 * characters, no leading dots, bounded length (in characters, not UTF-16 units) with the extension kept. It is never
 * used as a storage path.
 */
final class FilenameSanitizer {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "file";

    private FilenameSanitizer() {
    }

    static String sanitize(String filename) {
        if (filename == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(filename, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            // A lone surrogate is no character at all: it can't be stored or sent as UTF-8 unchanged.
            if (Character.isISOControl(cp) || "<>:\"|?*".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE) {
                clean.append('_');
            } else {
                clean.appendCodePoint(cp);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        result = result.strip();
        if (result.isEmpty() || result.chars().allMatch(c -> c == '_')) {
            return FALLBACK;
        }
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.codePointCount(dot, result.length()) <= 16
                    ? result.substring(dot) : "";
            String stem = result.substring(0, result.length() - extension.length());
            int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
            // Cut between characters, never inside a surrogate pair.
            result = stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
        }
        return result;
    }
}

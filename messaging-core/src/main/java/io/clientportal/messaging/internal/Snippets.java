package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.Highlight;
import io.clientportal.messaging.spi.SearchWords;

import java.util.ArrayList;
import java.util.List;

/**
 * The excerpt a search hit shows: plain text around the first matched word, cut at spaces where it can, with the
 * matched words of the excerpt as ranges. It only ever copies the message's characters, so whatever the message
 * holds (markup included) is shown as text by a page that renders the ranges as text.
 */
final class Snippets {

    /** How much text before the first match the excerpt keeps, at most. */
    static final int BEFORE = 40;
    /** The longest excerpt, in characters, not counting the ellipses. */
    static final int LENGTH = 160;
    private static final String ELLIPSIS = "…";

    /** An excerpt and its highlights. */
    record Snippet(String text, List<Highlight> highlights) {
    }

    private record Word(int start, int end) {
    }

    private Snippets() {
    }

    static Snippet of(String text, List<String> terms) {
        List<Word> matched = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                if (SearchWords.matchesAny(SearchWords.of(text.substring(start, i)), terms)) {
                    matched.add(new Word(start, i));
                }
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        int first = matched.isEmpty() ? 0 : matched.get(0).start();
        // Up to BEFORE characters of context before the match, less where the text ends soon after it: a text
        // that fits is shown whole.
        int from = Math.min(Math.max(0, first - BEFORE), Math.max(0, text.length() - LENGTH));
        if (from > 0) {
            from = cutAfterSpace(text, from, first);
        }
        int to = Math.min(text.length(), from + LENGTH);
        if (to < text.length()) {
            to = cutBeforeSpace(text, from, to);
        }
        String prefix = from > 0 ? ELLIPSIS : "";
        StringBuilder snippet = new StringBuilder(prefix).append(text, from, to);
        if (to < text.length()) {
            snippet.append(ELLIPSIS);
        }
        List<Highlight> highlights = new ArrayList<>();
        for (Word word : matched) {
            if (word.start() >= from && word.start() < to) {
                int end = Math.min(word.end(), to);
                highlights.add(new Highlight(word.start() - from + prefix.length(), end - from + prefix.length()));
            }
        }
        return new Snippet(snippet.toString(), highlights);
    }

    /** Where an excerpt starting near {@code at} begins: after the next space before {@code limit}, else at. */
    private static int cutAfterSpace(String text, int at, int limit) {
        int start = safe(text, at);
        for (int i = start; i < limit; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return start;
    }

    /** Where an excerpt ending near {@code at} ends: at the last space after {@code from}, else at. */
    private static int cutBeforeSpace(String text, int from, int at) {
        for (int i = at; i > from + LENGTH / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return safe(text, at);
    }

    /** {@code at}, moved off the middle of a surrogate pair. */
    private static int safe(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
                && Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
    }
}

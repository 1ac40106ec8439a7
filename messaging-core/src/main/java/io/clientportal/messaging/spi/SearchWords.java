package io.clientportal.messaging.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What search counts as a word, for every store alike: a maximal run of letters and digits
 * ({@link Character#isLetterOrDigit(int)}) of the text lower-cased with {@link Locale#ROOT}, cut after
 * {@value #MAX_WORD_LENGTH} characters. Everything else separates words. A store indexes {@link #indexText} of a
 * message's text (or matches {@link #of} in memory); a message matches a term when one of its words starts with
 * it.
 *
 * <p>Why a store indexes this text rather than the message's own: every database tokenises differently
 * (PostgreSQL's parser keeps {@code alice@example.com} or {@code 5e10x} as tokens of its own, H2 has none), so the
 * words are made once, here, and the databases only look them up; then every store gives the same answers. The cut
 * keeps a word well inside PostgreSQL's limit for a lexeme (2,046 bytes) whatever the text.
 */
public final class SearchWords {

    /** The longest word kept, in UTF-16 code units (a longer one is kept cut to this). */
    public static final int MAX_WORD_LENGTH = 64;

    private SearchWords() {
    }

    /** The words of a text, in order, repeats included; empty for a text without letters or digits. */
    public static List<String> of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < lower.length()) {
            int start = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            if (i > start) {
                words.add(cut(lower.substring(start, i)));
            } else {
                i += Character.charCount(lower.codePointAt(i));
            }
        }
        return words;
    }

    /** The words of a query, each once, in order: what a store matches. */
    public static List<String> terms(String query) {
        return List.copyOf(new LinkedHashSet<>(of(query)));
    }

    /** A text's words separated by single spaces: what a database indexes. Empty for a text without words. */
    public static String indexText(String text) {
        return String.join(" ", of(text));
    }

    /** Whether words (of {@link #of}) match every term: each term starts one of the words. */
    public static boolean matches(List<String> words, List<String> terms) {
        return terms.stream().allMatch(term -> words.stream().anyMatch(word -> word.startsWith(term)));
    }

    /** Whether one of the words (of {@link #of}) matches one of the terms: what a highlight marks. */
    public static boolean matchesAny(List<String> words, List<String> terms) {
        return terms.stream().anyMatch(term -> words.stream().anyMatch(word -> word.startsWith(term)));
    }

    private static String cut(String word) {
        if (word.length() <= MAX_WORD_LENGTH) {
            return word;
        }
        int end = MAX_WORD_LENGTH;
        if (Character.isHighSurrogate(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}

package io.clientportal.messaging.model;

/**
 * A matched word in a {@link SearchHit#snippet()}: the characters from {@code start} (inclusive) to {@code end}
 * (exclusive), counted in UTF-16 code units as Java's and JavaScript's strings index them. A page renders the
 * snippet as text and marks these ranges; the snippet is never markup.
 *
 * @param start the first character, from 0
 * @param end   the character after the last one, above {@code start}
 */
public record Highlight(int start, int end) {

    public Highlight {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a highlight needs 0 <= start < end, was " + start + ".." + end);
        }
    }
}

package io.clientportal.messaging.model;

import java.util.List;
import java.util.Objects;

/**
 * A message that matched a search, with a short plain-text excerpt around its first match.
 *
 * @param message    the message, as its history shows it
 * @param snippet    plain text from the message around the first match, with {@code "…"} where it was cut; never
 *                   markup, whatever the message contains
 * @param highlights the matched words in the snippet, in order and not overlapping, unmodifiable
 */
public record SearchHit(Message message, String snippet, List<Highlight> highlights) {

    public SearchHit {
        Objects.requireNonNull(message, "message must not be null");
        Objects.requireNonNull(snippet, "snippet must not be null");
        highlights = List.copyOf(Objects.requireNonNull(highlights, "highlights must not be null"));
    }
}

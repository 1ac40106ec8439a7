package io.clientportal.messaging.spi;

/**
 * Which of the messages after a reader's read horizon a count counts. The core decides what counts as unread and
 * says it with a filter; a store applies the filter as given (in its query), and never decides it itself.
 *
 * @param excludeDeleted whether deleted messages are left out
 * @param excludeOwn     whether the reader's own messages are left out
 */
public record MessageFilter(boolean excludeDeleted, boolean excludeOwn) {
}

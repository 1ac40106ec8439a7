package io.clientportal.messaging.model;

import java.util.Objects;

/**
 * Which saved replies to list, in which order. A tenant has a bounded number of them
 * ({@code MessagingLimits.maxSavedReplies}), so a list is answered whole, not in pages.
 *
 * @param order  the order of the list, never {@code null}
 * @param prefix only replies whose shortcut starts with it (compared in lower case), or whose title contains it
 *               (ignoring case); {@code null} or empty for all
 */
public record SavedReplyQuery(Order order, String prefix) {

    /** The order of a list. */
    public enum Order {
        /** By title, ignoring case, then by shortcut. */
        TITLE,
        /** By shortcut. */
        SHORTCUT
    }

    public SavedReplyQuery {
        Objects.requireNonNull(order, "order must not be null");
        prefix = prefix == null || prefix.isEmpty() ? null : prefix;
    }

    /** Every saved reply, alphabetical by title. */
    public static SavedReplyQuery byTitle() {
        return new SavedReplyQuery(Order.TITLE, null);
    }

    /** Every saved reply, alphabetical by shortcut. */
    public static SavedReplyQuery byShortcut() {
        return new SavedReplyQuery(Order.SHORTCUT, null);
    }

    /** This query, for replies whose shortcut starts with {@code prefix} or whose title contains it. */
    public SavedReplyQuery matching(String prefix) {
        return new SavedReplyQuery(order, prefix);
    }
}

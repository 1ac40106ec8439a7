package io.clientportal.messaging.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of results.
 *
 * @param items      the items, unmodifiable
 * @param nextCursor the cursor of the next page; {@code null} on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return nextCursor != null;
    }
}

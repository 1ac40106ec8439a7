package io.clientportal.messaging.model;

import io.clientportal.messaging.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies for the model's lists: unmodifiable, never null, no null elements. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> withoutNulls(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list);
        if (copy.contains(null)) {
            throw new InvalidInputException(field, field + " must not contain null");
        }
        return Collections.unmodifiableList(copy);
    }
}

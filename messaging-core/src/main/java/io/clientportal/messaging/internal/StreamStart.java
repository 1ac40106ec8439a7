package io.clientportal.messaging.internal;

import io.clientportal.messaging.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a new event stream starts: after the log's end, or after the event id a client resumes from, or with a reset
 * when the events after that id are gone (pruned) or the id is not from this log; and which positions below the start
 * it must still await, because they had not committed when the stream began (from the id's {@code "42~40~41"} form,
 * or from the log's holes between the relay and the end).
 *
 * @param cursor  the position the stream starts after
 * @param reset   whether the client must reload (it then starts after the log's end)
 * @param awaited positions below the cursor that may still commit, ascending
 */
record StreamStart(long cursor, boolean reset, List<Long> awaited) {

    /**
     * @param log           the event log
     * @param relayPosition how far the relay has delivered
     * @param lastEventId   the id the client resumes after, {@code null} or blank for a fresh start
     * @throws InvalidInputException if the id is not one this feed sends
     */
    static StreamStart of(EventLog log, long relayPosition, String lastEventId) {
        long[] token = parse(lastEventId);
        long last = log.last();
        if (token == null) {
            return new StreamStart(last, false, missingBetween(log, relayPosition, last));
        }
        long resumeAfter = token[0];
        long first = log.first();
        if (resumeAfter > last || (first > 0 && resumeAfter < first - 1)) {
            return new StreamStart(last, true, List.of());
        }
        List<Long> awaited = new ArrayList<>();
        for (int i = 1; i < token.length; i++) {
            if (token[i] < resumeAfter) {
                awaited.add(token[i]);
            }
        }
        awaited.sort(null);
        return new StreamStart(resumeAfter, false, List.copyOf(awaited));
    }

    /** Whether the stream resumes from an id (and so must catch up) rather than starting live. */
    boolean resumes(String lastEventId) {
        return !reset && lastEventId != null && !lastEventId.isBlank();
    }

    /** Positions between the relay's and the log's end that have not committed (yet). */
    private static List<Long> missingBetween(EventLog log, long relayPosition, long last) {
        if (last - relayPosition <= 1) {
            return List.of();
        }
        long from = Math.max(relayPosition, last - SubscriptionImpl.MAX_AWAITED);
        Set<Long> present = new HashSet<>();
        for (var record : log.after(from, (int) (last - from))) {
            present.add(record.position());
        }
        List<Long> missing = new ArrayList<>();
        for (long p = from + 1; p < last; p++) {
            if (!present.contains(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** The position an id names, then the positions it still awaited ({@code "42~40~41"}); null for none. */
    private static long[] parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            String[] parts = lastEventId.trim().split("~", SubscriptionImpl.MAX_AWAITED + 2);
            if (parts.length > SubscriptionImpl.MAX_AWAITED + 1) {
                throw new NumberFormatException();
            }
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Long.parseLong(parts[i]);
                if (values[i] < 0) {
                    throw new NumberFormatException();
                }
            }
            return values;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lastEventId", "lastEventId must be an event id this feed sent");
        }
    }
}

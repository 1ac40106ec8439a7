package io.clientportal.messaging.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one engine (one application instance) is doing in the background, for operators: its event relay, and the
 * announcements and webhooks of every tenant that wait. Holds counts, positions, times and webhook endpoint names;
 * never message text, ids of people, URL credentials or secrets.
 *
 * @param at            when it was taken, by the engine's clock
 * @param relay         this instance's event relay
 * @param announcements announcements not yet delivered to every target, or {@code null} when the store can't tell
 * @param webhooks      per webhook endpoint that has deliveries pending or dead letters, by name; empty when none
 *                      has (or none is configured); {@code null} when the store can't tell
 */
public record MessagingStatus(Instant at, Relay relay, PendingAnnouncements announcements,
                              List<WebhookQueue> webhooks) {

    public MessagingStatus {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(relay, "relay must not be null");
        webhooks = webhooks == null ? null : List.copyOf(webhooks);
    }

    /** How the relay is doing. */
    public enum RelayState {
        /** Caught up with the log. */
        IDLE,
        /** Behind the log, and it moved on within the stall timeout: working through a backlog. */
        BUSY,
        /** Behind the log, and it has not moved on for longer than the stall timeout: stuck. */
        STALLED
    }

    /**
     * This instance's event relay against the log.
     *
     * @param position      the position up to which it handed every event on
     * @param logEnd        the highest committed position in the log
     * @param lag           how long the oldest event it has not handed on has been in the log; zero when caught up
     * @param sinceProgress how long since it last moved on or found itself caught up (it looks at least every poll
     *                      interval, so this stays below that while it runs)
     */
    public record Relay(long position, long logEnd, Duration lag, Duration sinceProgress) {

        public Relay {
            Objects.requireNonNull(lag, "lag must not be null");
            Objects.requireNonNull(sinceProgress, "sinceProgress must not be null");
        }

        /** How many positions it is behind the log end. */
        public long behind() {
            return Math.max(0, logEnd - position);
        }

        /**
         * Busy or stuck: behind the log end, and stuck once it has not moved on for longer than {@code stallTimeout}.
         */
        public RelayState state(Duration stallTimeout) {
            if (behind() == 0) {
                return RelayState.IDLE;
            }
            return sinceProgress.compareTo(stallTimeout) > 0 ? RelayState.STALLED : RelayState.BUSY;
        }
    }

    /**
     * Announcements whose delivery has not finished (queued or sending), of every tenant.
     *
     * @param count  how many
     * @param oldest when the oldest was sent, or {@code null} when none waits
     */
    public record PendingAnnouncements(long count, Instant oldest) {
    }

    /**
     * What waits for one webhook endpoint.
     *
     * @param endpoint      the endpoint's name (its URL unless it was given one, then without user info, query and
     *                      fragment, where credentials may be)
     * @param pending       deliveries not made yet (due, waiting for a retry, or being sent)
     * @param dead          dead letters (replay them through {@code Messaging.webhooks()})
     * @param oldestPending when the event of the oldest pending delivery happened, or {@code null} when none is
     */
    public record WebhookQueue(String endpoint, long pending, long dead, Instant oldestPending) {
    }
}

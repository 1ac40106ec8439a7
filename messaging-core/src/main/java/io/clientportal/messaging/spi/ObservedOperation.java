package io.clientportal.messaging.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One piece of the engine's work about to be observed: what it is, whose it is and what is known of it at the
 * start. Tags are low-cardinality by construction: they never hold ids, names or message text.
 *
 * @param kind     what the work is, never {@code null}
 * @param tenantId the tenant it runs for, or {@code null} for work across tenants (relay batches, webhook sends
 *                 name theirs); an implementation adds it as a tag only when asked to, tenants being unbounded
 * @param tags     low-cardinality key values known at the start (keys are the constants of this record), never
 *                 {@code null}; more follow through {@link OngoingObservation#tag}
 * @param parent   the trace context the work continues (a webhook delivery continues its event's write), or
 *                 {@code null} to continue the calling thread's
 */
public record ObservedOperation(Kind kind, String tenantId, Map<String, String> tags, TraceHeaders parent) {

    /** How the work ended: {@code success}, or a value of {@link Kind}'s own, or an error's (see the README). */
    public static final String OUTCOME = "outcome";
    /** Who acted: {@code team} or {@code client}. */
    public static final String ACTOR_KIND = "actor.kind";
    /** The store's class, for example {@code JpaMessagingStore}. */
    public static final String STORE = "store";
    /** The webhook endpoint's name (a URL name without its user info, query and fragment). */
    public static final String WEBHOOK_ENDPOINT = "webhook.endpoint";
    /** The HTTP status a webhook endpoint answered, {@code none} when it gave no answer. */
    public static final String HTTP_STATUS = "http.status";

    public ObservedOperation {
        Objects.requireNonNull(kind, "kind must not be null");
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags must not be null"));
    }

    /** The kinds of work observed, each with the observation name it is reported under. */
    public enum Kind {
        /** Posting a message (retries included: their outcome is {@code replayed}). */
        MESSAGE_POST("messaging.message.post"),
        /** Editing a message. */
        MESSAGE_EDIT("messaging.message.edit"),
        /** Deleting a message. */
        MESSAGE_DELETE("messaging.message.delete"),
        /** Reading a page of a conversation's history. */
        HISTORY_READ("messaging.message.history"),
        /** Reading a page of the inbox. */
        INBOX_READ("messaging.conversation.inbox"),
        /** Delivering one chunk of an announcement (outcome {@code delivered}, {@code finished} or {@code lost}). */
        ANNOUNCEMENT_CHUNK("messaging.announcement.chunk"),
        /**
         * One attempt to send a webhook (outcome {@code delivered}, {@code retry}, {@code dead}, or
         * {@code abandoned} when the engine closed meanwhile and left it to the next claim).
         */
        WEBHOOK_DELIVERY("messaging.webhook.delivery"),
        /** The event relay handing on one batch of committed events. */
        RELAY_BATCH("messaging.event.relay");

        private final String observationName;

        Kind(String observationName) {
            this.observationName = observationName;
        }

        /** The name observations (timers, spans) of this kind are reported under. */
        public String observationName() {
            return observationName;
        }
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event log (the transactional outbox) as one unit of work writes it: what it appends becomes visible when it
 * commits. Reading committed events across tenants is the {@link MessagingStore}'s.
 */
public interface EventRows {

    /**
     * Appends events, taking their positions. For each event, also queues one webhook delivery per name in
     * {@link NewEvent#webhookEndpoints()} (pending, due at once, no attempt yet, a copy of the event's type and
     * payload), so a delivery exists exactly when its event committed.
     */
    void append(List<NewEvent> events);

    /**
     * The logged events of a conversation whose type is one of {@code types} and whose payload contains
     * {@code mention}, ascending by position. A store may return events that do not mention it (the core checks
     * each), never fewer than match. Edits and deletes are rare, so a scan of one conversation's events is fine.
     *
     * @param types   event type names, not empty
     * @param mention a string the payload must contain, not empty
     */
    List<EventRecord> ofConversation(ConversationId id, Set<String> types, String mention);

    /**
     * Replaces the payloads of logged events, by position, and the payload copies of their webhook deliveries not
     * yet delivered (pending or dead). Type, time and position stay; positions no longer in the log are skipped.
     *
     * @param payloads the new payload of each position, never {@code null} values
     */
    void rewritePayloads(Map<Long, String> payloads);

    /**
     * Erases the logged events of a conversation: each keeps its position and time but takes {@code type} and
     * {@code payload} and no longer names the conversation, and their webhook deliveries not yet delivered (pending
     * or dead) are deleted. Positions stay because the relay would wait on a missing position as on one not yet
     * committed.
     */
    void eraseConversation(ConversationId id, String type, String payload);
}

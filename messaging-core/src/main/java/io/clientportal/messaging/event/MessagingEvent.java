package io.clientportal.messaging.event;

import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;

/**
 * A committed change, as the event feed, notifiers and webhooks see it. Events are appended in the same unit of
 * work as the change they describe, so nothing is published that did not commit.
 */
public sealed interface MessagingEvent permits ConversationCreated, ConversationUpdated, ConversationDeleted,
        MessagePosted, MessageEdited, MessageDeleted, ConversationRead, ParticipantAdded,
        ParticipantAccessChanged, ParticipantRemoved, AnnouncementDelivered, TeamMemberChanged,
        TeamMemberRemoved, ClientUserChanged, ClientUserRemoved, StreamReset, ConversationAssigned,
        ConversationStatusChanged, MentionReceived {

    /** The event's id: its position in the log, as a string; resume after it with {@code Last-Event-ID}. */
    String eventId();

    /** The tenant whose data changed. */
    String tenantId();

    /** The conversation concerned, or {@code null} for events that concern none. */
    ConversationId conversationId();

    /** When the change happened. */
    Instant at();

    /** The event's type name, as SSE {@code event:} lines and webhooks carry it. */
    default String type() {
        return getClass().getSimpleName();
    }
}

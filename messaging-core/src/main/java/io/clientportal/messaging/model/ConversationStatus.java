package io.clientportal.messaging.model;

/** Where a conversation stands for the team. Clients never see it. */
public enum ConversationStatus {
    /** Needs the team's attention: every new conversation, and any a client writes in again. */
    OPEN,
    /** The team waits for the client to answer. */
    WAITING,
    /** Nothing more to do, until the client writes again. */
    DONE
}

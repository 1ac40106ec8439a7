package io.clientportal.messaging.spi;

/** What an actor wants to do, as the {@link AccessPolicy} sees it. */
public enum Permission {
    /** See a conversation, its history, participants and attachments. */
    VIEW,
    /** Post a message. */
    POST,
    /**
     * Post an internal note: a message for the team only, which no client ever learns exists. Whoever may see a
     * conversation's team side sees its notes; a client user never does (the core hides them from every client's
     * path), so there is no permission to see them.
     */
    POST_NOTE,
    /** Edit a message ({@link AccessRequest#ownMessage()} says whose). */
    EDIT_MESSAGE,
    /** Delete a message ({@link AccessRequest#ownMessage()} says whose). */
    DELETE_MESSAGE,
    /** Add and remove participants, change their access. */
    MANAGE_PARTICIPANTS,
    /** Assign the conversation to a team member (or nobody) and set its team status. */
    ASSIGN,
    /** Send an announcement (no conversation). */
    SEND_ANNOUNCEMENT,
    /**
     * Create, change and delete the tenant's saved replies (no conversation). Using them (listing, rendering) is
     * for every team member the directory knows and never for a client, whatever a policy answers.
     */
    MANAGE_SAVED_REPLIES
}

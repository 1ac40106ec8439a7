package io.clientportal.messaging;

import io.clientportal.messaging.model.MessagingStatus;

/**
 * The entry point: one per application, built with {@link #builder()}. Thread-safe.
 *
 * <pre>{@code
 * Messaging messaging = Messaging.builder().store(store).build();
 * Messaging agency = messaging.tenant("agency-42");
 * agency.messages().post(Actor.clientUser("u1"), conversationId, NewMessage.text("Hello"));
 * }</pre>
 *
 * Every call but the directory's takes the acting {@link Actor} first and is authorised before anything is read
 * or written.
 */
public interface Messaging extends AutoCloseable {

    /** A builder with every setting at its default. */
    static MessagingBuilder builder() {
        return new MessagingBuilder();
    }

    /**
     * The same engine over another tenant's data. Tenants are isolated: no call of one sees the other's data.
     *
     * @param tenantId the tenant, not blank
     */
    Messaging tenant(String tenantId);

    /** This view's tenant; {@code "default"} for the instance the builder made. */
    String tenantId();

    /** Trusted synchronisation from the host: team members, client accounts, client users. */
    Directory directory();

    /** Conversations, the inbox and participants. */
    Conversations conversations();

    /** Posting, history, edits, deletes and read state. */
    Messages messages();

    /** One message to many clients. */
    Announcements announcements();

    /** Uploads and downloads. */
    Attachments attachments();

    /** The real-time feed. */
    Events events();

    /** The team's saved replies (reply templates with placeholders); clients never see them. */
    SavedReplies savedReplies();

    /**
     * Full-text search over the messages an actor may see.
     *
     * @throws UnsupportedOperationException when this implementation has no search
     */
    default Search search() {
        throw new UnsupportedOperationException("search is not available here");
    }

    /**
     * Unread-message notifications: preferences, and sending what is due.
     *
     * @throws UnsupportedOperationException when this implementation has no notifications
     */
    default Notifications notifications() {
        throw new UnsupportedOperationException("notifications are not available here");
    }

    /**
     * Operating webhooks (dead letters, replay); the same for every tenant view.
     *
     * @throws UnsupportedOperationException when this implementation has no webhooks
     */
    default Webhooks webhooks() {
        throw new UnsupportedOperationException("webhooks are not available here");
    }

    /**
     * The limits the engine enforces (text length, attachments, edit window, ...), so that a user interface can name
     * them before a call is refused. The same for every tenant view.
     *
     * @throws UnsupportedOperationException when this implementation cannot tell
     */
    default MessagingLimits limits() {
        throw new UnsupportedOperationException(getClass().getName() + " does not tell its limits");
    }

    /**
     * What this instance's engine is doing in the background, for operators (the starter's Actuator endpoint and
     * health): its event relay against the log, and the announcements and webhooks of every tenant that wait. A
     * trusted call, like the directory's; the same for every tenant view. Reads the store a few times.
     *
     * @throws UnsupportedOperationException when this implementation cannot tell
     * @throws MessagingStoreException       when the store fails
     */
    default MessagingStatus status() {
        throw new UnsupportedOperationException("status is not available here");
    }

    /** Stops background work (event relay, announcement delivery). Idempotent; closes every tenant view. */
    @Override
    void close();
}

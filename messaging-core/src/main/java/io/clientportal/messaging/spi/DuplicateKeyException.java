package io.clientportal.messaging.spi;

/**
 * Thrown by a store when a write hits one of the unique keys the core relies on. The unit of work is rolled back;
 * the core resolves it (for example by returning the message an idempotent retry already stored).
 */
public class DuplicateKeyException extends RuntimeException {

    /** The unique keys the core relies on. */
    public enum Key {
        /** (conversation, author, client message id) of a message. */
        CLIENT_MESSAGE_ID,
        /** (announcement, conversation) of a delivered announcement message. */
        ANNOUNCEMENT_DELIVERY,
        /** (tenant, client account) of a conversation. */
        CLIENT_ACCOUNT_CONVERSATION,
        /** (tenant, id) of a directory entry. */
        DIRECTORY_ENTRY,
        /** (tenant, shortcut) of a saved reply. */
        SAVED_REPLY_SHORTCUT
    }

    private final Key key;

    /**
     * @param key   which key was hit, never {@code null}
     * @param cause the store's own exception, or {@code null}
     */
    public DuplicateKeyException(Key key, Throwable cause) {
        super("duplicate " + key, cause);
        this.key = key;
    }

    /** Which key was hit. */
    public Key key() {
        return key;
    }
}

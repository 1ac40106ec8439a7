package io.clientportal.messaging;

/**
 * The store failed (for example the database connection broke). The unit of work was rolled back as a whole;
 * the cause is attached.
 */
public class MessagingStoreException extends MessagingException {

    public MessagingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

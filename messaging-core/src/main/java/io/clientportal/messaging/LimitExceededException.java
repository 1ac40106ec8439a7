package io.clientportal.messaging;

/** A configured limit was exceeded (for example the attachment size). Nothing was changed. */
public class LimitExceededException extends MessagingException {

    public LimitExceededException(String message) {
        super(message);
    }
}

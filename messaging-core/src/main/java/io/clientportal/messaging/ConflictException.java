package io.clientportal.messaging;

/** The call contradicts the current state (for example editing a deleted message). Nothing was changed. */
public class ConflictException extends MessagingException {

    public ConflictException(String message) {
        super(message);
    }
}

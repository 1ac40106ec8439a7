package io.clientportal.messaging;

/** The actor may see the thing but may not do this to it. Nothing was changed. */
public class AccessDeniedException extends MessagingException {

    public AccessDeniedException(String message) {
        super(message);
    }
}

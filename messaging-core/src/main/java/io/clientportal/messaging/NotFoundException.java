package io.clientportal.messaging;

/**
 * Something does not exist, or the actor may not see it: the two answer exactly alike, so ids can't be probed.
 */
public class NotFoundException extends MessagingException {

    public NotFoundException(String message) {
        super(message);
    }
}

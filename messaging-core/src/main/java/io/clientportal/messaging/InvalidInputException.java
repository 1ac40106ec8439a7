package io.clientportal.messaging;

/** An argument is missing, malformed or out of range. Nothing was changed. */
public class InvalidInputException extends MessagingException {

    private final String field;

    /**
     * @param field   the name of the offending input, as the API names it
     * @param message what is wrong, for a developer
     */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending input, as the API names it (for example {@code text}). */
    public String field() {
        return field;
    }
}

package io.clientportal.messaging;

/** The call contradicts the current state (for example editing a deleted message). Nothing was changed. */
public class ConflictException extends MessagingException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    /**
     * @param field   the input that conflicts with the current state, as the API names it (for example
     *                {@code clientMessageId}), or {@code null}
     * @param message what conflicts, for a developer
     */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input that conflicts with the current state, as the API names it; {@code null} when none does. */
    public String field() {
        return field;
    }
}

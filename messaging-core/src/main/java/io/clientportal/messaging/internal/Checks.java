package io.clientportal.messaging.internal;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.MessagingLimits;

/** Validation of caller input. Every failure names the offending field and changes nothing. */
final class Checks {

    static final int MAX_ID_LENGTH = 255;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_CLIENT_MESSAGE_ID_LENGTH = 255;

    private Checks() {
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field + " must not be null");
        }
        return value;
    }

    /** A host id: not blank, not too long, no control characters. */
    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field, field + " must be at most " + MAX_ID_LENGTH + " characters");
        }
        noControlCharacters(value, field);
        return value;
    }

    /** A display name: not blank, not too long, no control characters; trimmed. */
    static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        noControlCharacters(trimmed, field);
        return trimmed;
    }

    /**
     * Message text: not longer than the limit, no NUL; blank only when {@code blankAllowed} (a message that
     * carries attachments).
     */
    static String text(String value, MessagingLimits limits, boolean blankAllowed) {
        String text = value == null ? "" : value;
        if (text.isBlank() && !blankAllowed) {
            throw new InvalidInputException("text", "text must not be empty");
        }
        if (text.length() > limits.maxTextLength()) {
            throw new InvalidInputException("text", "text must be at most " + limits.maxTextLength()
                    + " characters (was " + text.length() + ")");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException("text", "text must not contain NUL characters");
        }
        wellFormed(text, "text");
        return text;
    }

    /**
     * Refuses a lone UTF-16 surrogate (JSON allows {@code "\ud800"}): it is no character, and a store that writes
     * UTF-8 would keep a {@code ?} in its place, so the text read back would not be the text accepted.
     */
    static void wellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, field + " must be valid Unicode (it has a lone surrogate)");
            }
        }
    }

    static String clientMessageId(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidInputException("clientMessageId", "clientMessageId must not be blank when given");
        }
        if (value.length() > MAX_CLIENT_MESSAGE_ID_LENGTH) {
            throw new InvalidInputException("clientMessageId", "clientMessageId must be at most "
                    + MAX_CLIENT_MESSAGE_ID_LENGTH + " characters");
        }
        noControlCharacters(value, "clientMessageId");
        return value;
    }

    static int pageSize(int limit, MessagingLimits limits) {
        if (limit < 1 || limit > limits.maxPageSize()) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + limits.maxPageSize());
        }
        return limit;
    }

    static void noControlCharacters(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(field, field + " must not contain control characters");
            }
        }
        wellFormed(value, field);
    }
}

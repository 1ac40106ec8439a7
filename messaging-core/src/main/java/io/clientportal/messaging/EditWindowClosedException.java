package io.clientportal.messaging;

/**
 * The actor may edit or delete their own message only within the edit window
 * ({@link MessagingLimits#editWindow()}), and it has closed. Nothing was changed. (HTTP: 403, problem code
 * {@code edit_window_closed}.)
 */
public class EditWindowClosedException extends AccessDeniedException {

    public EditWindowClosedException(String message) {
        super(message);
    }
}

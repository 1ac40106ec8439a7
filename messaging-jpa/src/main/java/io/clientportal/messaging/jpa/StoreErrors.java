package io.clientportal.messaging.jpa;

import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.spi.DuplicateKeyException;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns database failures into what the core expects: the unique keys it relies on as
 * {@link DuplicateKeyException}, everything else as {@link MessagingStoreException} with the cause attached.
 */
final class StoreErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    /** Constraint names (lower case) the core resolves, by the key they stand for. */
    private static final Map<String, DuplicateKeyException.Key> KEYS = Map.of(
            "messaging_message_client_id_uk", DuplicateKeyException.Key.CLIENT_MESSAGE_ID,
            "messaging_message_announcement_uk", DuplicateKeyException.Key.ANNOUNCEMENT_DELIVERY,
            "messaging_conversation_account_uk", DuplicateKeyException.Key.CLIENT_ACCOUNT_CONVERSATION,
            "messaging_team_member_pk", DuplicateKeyException.Key.DIRECTORY_ENTRY,
            "messaging_client_account_pk", DuplicateKeyException.Key.DIRECTORY_ENTRY,
            "messaging_client_user_pk", DuplicateKeyException.Key.DIRECTORY_ENTRY,
            "messaging_saved_reply_shortcut_uk", DuplicateKeyException.Key.SAVED_REPLY_SHORTCUT);

    private static final String[] DIRECTORY_TABLES = {
            "messaging_team_member", "messaging_client_account", "messaging_client_user"};

    private StoreErrors() {
    }

    /** The exception to throw for a failure of a statement or of the unit of work. */
    static RuntimeException translate(Throwable failure) {
        if (failure instanceof MessagingException || failure instanceof DuplicateKeyException) {
            return (RuntimeException) failure;
        }
        SQLException sql = sqlCause(failure);
        if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, DuplicateKeyException.Key> key : KEYS.entrySet()) {
                if (text.contains(key.getKey())) {
                    return new DuplicateKeyException(key.getValue(), failure);
                }
            }
            // H2 names a primary key violation by its index and table, not by the constraint.
            for (String table : DIRECTORY_TABLES) {
                if (text.contains("." + table + "(")) {
                    return new DuplicateKeyException(DuplicateKeyException.Key.DIRECTORY_ENTRY, failure);
                }
            }
        }
        return new MessagingStoreException("the messaging database failed", failure);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                return null;
            }
        }
        return null;
    }
}

package io.clientportal.messaging.spi;

import java.util.Objects;

/**
 * A client user as a store keeps it.
 *
 * @param id          the host's id, never {@code null}
 * @param accountId   the client account the user belongs to, never {@code null}
 * @param displayName never {@code null}
 */
public record ClientUserRow(String id, String accountId, String displayName) {

    public ClientUserRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(accountId, "accountId must not be null");
        Objects.requireNonNull(displayName, "displayName must not be null");
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.AccountKind;

import java.util.Objects;

/**
 * A client account as a store keeps it.
 *
 * @param id   the host's id, never {@code null}
 * @param name never {@code null}
 * @param kind never {@code null}
 */
public record ClientAccountRow(String id, String name, AccountKind kind) {

    public ClientAccountRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
    }
}

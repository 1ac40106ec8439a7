package io.clientportal.messaging.model;

/**
 * A person who logs in on behalf of a client account.
 *
 * @param id          the host's id of the user
 * @param accountId   the client account the user belongs to
 * @param displayName the name shown to others
 */
public record ClientUser(String id, String accountId, String displayName) {
}

package io.clientportal.messaging.model;

/**
 * A client account of the host: an individual or an organisation. It has exactly one conversation.
 *
 * @param id   the host's id of the account
 * @param name the account's display name
 * @param kind individual or organisation
 */
public record ClientAccount(String id, String name, AccountKind kind) {
}

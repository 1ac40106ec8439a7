package io.clientportal.messaging.model;

/** The kind of a client account: an individual takes exactly one client user, an organisation takes many. */
public enum AccountKind {
    INDIVIDUAL, ORGANISATION
}

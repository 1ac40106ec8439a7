package io.clientportal.messaging.jpa;

/** Column sizes shared by the mappings and the schema scripts. */
final class Texts {

    /** The declared length of free-text columns (TEXT on PostgreSQL, CHARACTER VARYING on H2). */
    static final int MAX_LENGTH = 1_000_000;

    private Texts() {
    }
}

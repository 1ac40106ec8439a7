package io.clientportal.messaging.model;

import java.util.List;

/**
 * The placeholders a saved reply's text may hold, written {@code {{name}}} (spaces inside the braces are
 * allowed): rendering for a conversation fills each; any other {@code {{...}}} is refused when the reply is saved.
 */
public final class SavedReplyPlaceholders {

    /** The client account's name, as the directory has it ("Acme Ltd", "Ivan Solo"). */
    public static final String CLIENT_NAME = "client.name";
    /**
     * For an individual client account, the first word of its name ("Ivan"); for an organisation, which has no one
     * person to address, its whole name.
     */
    public static final String CLIENT_FIRST_NAME = "client.firstName";
    /** The display name of the team member rendering the reply. */
    public static final String ME_NAME = "me.name";
    /** The first word of the display name of the team member rendering the reply. */
    public static final String ME_FIRST_NAME = "me.firstName";

    /** Every placeholder there is, in the order the documentation lists them. */
    public static final List<String> KNOWN = List.of(CLIENT_NAME, CLIENT_FIRST_NAME, ME_NAME, ME_FIRST_NAME);

    private SavedReplyPlaceholders() {
    }
}

package io.clientportal.messaging.model;

/**
 * What a saved reply is to be: the contents of a create or an update. The core validates each field and names the
 * one it refuses.
 *
 * @param title    not blank, at most 200 characters, no control characters (trimmed)
 * @param shortcut 1 to 32 of {@code a-z}, {@code 0-9}, {@code -} and {@code _}, starting with a letter or digit;
 *                 upper case letters are taken as lower case
 * @param text     not blank, at most the limit of a message's text; placeholders only of
 *                 {@link SavedReplyPlaceholders#KNOWN}
 */
public record NewSavedReply(String title, String shortcut, String text) {
}

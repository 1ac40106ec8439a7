package io.clientportal.messaging.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message to post.
 *
 * @param text            the text (may be empty only when attachments are given)
 * @param attachmentIds   uploaded attachments to include, unmodifiable
 * @param clientMessageId an optional idempotency key: posting again with the same key returns the same message
 * @param internal        whether it is an internal note: the team sees it in the timeline, a client never learns
 *                        it exists; only team members the policy lets post notes may post one
 */
public record NewMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId, boolean internal) {

    public NewMessage {
        attachmentIds = Lists.withoutNulls(attachmentIds, "attachmentIds");
    }

    /** A message that is not a note (the record as it was before notes). */
    public NewMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId) {
        this(text, attachmentIds, clientMessageId, false);
    }

    /** A text message without attachments. */
    public static NewMessage text(String text) {
        return new NewMessage(text, List.of(), null, false);
    }

    /** An internal note without attachments: for the team only. */
    public static NewMessage note(String text) {
        return new NewMessage(text, List.of(), null, true);
    }

    /** This message with the given attachments added. */
    public NewMessage withAttachments(AttachmentId... ids) {
        List<AttachmentId> all = new ArrayList<>(attachmentIds);
        all.addAll(Arrays.asList(ids));
        return new NewMessage(text, all, clientMessageId, internal);
    }

    /** This message with an idempotency key. */
    public NewMessage withClientMessageId(String clientMessageId) {
        return new NewMessage(text, attachmentIds, clientMessageId, internal);
    }

    /** This message as an internal note ({@code true}) or as a message every participant sees. */
    public NewMessage asNote(boolean internal) {
        return new NewMessage(text, attachmentIds, clientMessageId, internal);
    }
}

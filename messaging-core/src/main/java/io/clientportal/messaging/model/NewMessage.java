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
 */
public record NewMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId) {

    public NewMessage {
        attachmentIds = Lists.withoutNulls(attachmentIds, "attachmentIds");
    }

    /** A text message without attachments. */
    public static NewMessage text(String text) {
        return new NewMessage(text, List.of(), null);
    }

    /** This message with the given attachments added. */
    public NewMessage withAttachments(AttachmentId... ids) {
        List<AttachmentId> all = new ArrayList<>(attachmentIds);
        all.addAll(Arrays.asList(ids));
        return new NewMessage(text, all, clientMessageId);
    }

    /** This message with an idempotency key. */
    public NewMessage withClientMessageId(String clientMessageId) {
        return new NewMessage(text, attachmentIds, clientMessageId);
    }
}

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
 * @param mentions        the ids of the team members the message mentions, unmodifiable; each must be able to see
 *                        the conversation. The text shows them as the client writes it (for instance
 *                        {@code "@Ava Smith"}): the library never parses the text for mentions
 * @param addMentioned    whether mentioned team members who can't see the conversation are added as participants
 *                        (only for posters who may manage participants; others are refused as without it)
 * @param internal        whether it is an internal note: the team sees it in the timeline, a client never learns
 *                        it exists; only team members the policy lets post notes may post one
 */
public record NewMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId,
                         List<String> mentions, boolean addMentioned, boolean internal) {

    public NewMessage {
        attachmentIds = Lists.withoutNulls(attachmentIds, "attachmentIds");
        mentions = Lists.withoutNulls(mentions, "mentions");
    }

    /** A message without mentions that is not a note, as before either existed. */
    public NewMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId) {
        this(text, attachmentIds, clientMessageId, List.of(), false, false);
    }

    /** A text message without attachments. */
    public static NewMessage text(String text) {
        return new NewMessage(text, List.of(), null, List.of(), false, false);
    }

    /** An internal note without attachments: for the team only. */
    public static NewMessage note(String text) {
        return new NewMessage(text, List.of(), null, List.of(), false, true);
    }

    /** This message with the given attachments added. */
    public NewMessage withAttachments(AttachmentId... ids) {
        List<AttachmentId> all = new ArrayList<>(attachmentIds);
        all.addAll(Arrays.asList(ids));
        return new NewMessage(text, all, clientMessageId, mentions, addMentioned, internal);
    }

    /** This message with an idempotency key. */
    public NewMessage withClientMessageId(String clientMessageId) {
        return new NewMessage(text, attachmentIds, clientMessageId, mentions, addMentioned, internal);
    }

    /** This message with the given team members' ids added to its mentions (repeats collapse when posted). */
    public NewMessage withMentions(String... teamMemberIds) {
        List<String> all = new ArrayList<>(mentions);
        all.addAll(Arrays.asList(teamMemberIds));
        return new NewMessage(text, attachmentIds, clientMessageId, all, addMentioned, internal);
    }

    /**
     * This message asking that mentioned team members who can't see the conversation be added to it (agents with
     * WRITE, watchers READ_ONLY), in the same unit of work as the post; only a poster who may manage participants
     * may ask.
     */
    public NewMessage addingMentioned() {
        return new NewMessage(text, attachmentIds, clientMessageId, mentions, true, internal);
    }

    /** This message as an internal note ({@code true}) or as a message every participant sees. */
    public NewMessage asNote(boolean internal) {
        return new NewMessage(text, attachmentIds, clientMessageId, mentions, addMentioned, internal);
    }
}

package io.clientportal.messaging.model;

import java.util.Optional;

/**
 * What became of a reply by email. Only the host sees it: whoever sent the mail learns nothing from it.
 *
 * @param status               what happened
 * @param messageId            the posted message (also for a duplicate), empty when refused
 * @param droppedAttachments   how many attachments were refused by the upload checks and left out
 */
public record ReplyOutcome(Status status, Optional<MessageId> messageId, int droppedAttachments) {

    /** What happened to a reply. */
    public enum Status {
        /** Posted now. */
        POSTED,
        /** Posted before: the same mail came again (its Message-ID); nothing new. */
        DUPLICATE,
        /** Not posted: a forged or expired token, a person who may not post there (any more), nothing to post. */
        REFUSED
    }

    /** A refusal. */
    public static ReplyOutcome refused() {
        return new ReplyOutcome(Status.REFUSED, Optional.empty(), 0);
    }
}

package io.clientportal.messaging;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Limits the core enforces. Immutable: start from {@link #defaults()} and change what you need with the
 * {@code with...} methods.
 *
 * @param maxTextLength             the longest message or announcement text, in characters
 * @param maxAttachmentsPerMessage  the most attachments on one message or announcement
 * @param maxAttachmentSize         the largest upload, in bytes
 * @param allowedContentTypes       the content types (as detected from the bytes) that uploads may have
 * @param editWindow                how long after posting an author may edit or delete (owners, admins and
 *                                  managers are not bound by it)
 * @param unreferencedAttachmentTtl how long an upload that no message or announcement references is kept
 * @param announcementChunkSize     how many conversations one announcement delivery step writes in one unit of
 *                                  work (5,000 by default: fewer steps cost less per conversation, and a step
 *                                  holds its conversations' locks for a fraction of a second)
 * @param maxPageSize               the largest page a history or inbox query may ask for
 * @param eventRetention            how long events stay in the log (resuming from an older id answers a reset)
 * @param maxSavedReplies           the most saved replies one tenant may have (each is checked against
 *                                  {@code maxTextLength}, like a message)
 * @param maxMentionsPerMessage     the most team members one message may mention (distinct ids; {@code 0}: mentions
 *                                  are refused)
 */
public record MessagingLimits(int maxTextLength, int maxAttachmentsPerMessage, long maxAttachmentSize,
                              Set<String> allowedContentTypes, Duration editWindow,
                              Duration unreferencedAttachmentTtl, int announcementChunkSize, int maxPageSize,
                              Duration eventRetention, int maxSavedReplies,
                              int maxMentionsPerMessage) {

    /** 10,000 characters. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 10_000;
    /** 10 attachments. */
    public static final int DEFAULT_MAX_ATTACHMENTS_PER_MESSAGE = 10;
    /** 25 MB. */
    public static final long DEFAULT_MAX_ATTACHMENT_SIZE = 25L * 1024 * 1024;
    /** Images, PDF, plain text and Office documents. */
    public static final Set<String> DEFAULT_ALLOWED_CONTENT_TYPES = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    /** 15 minutes. */
    public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofMinutes(15);
    /** 24 hours. */
    public static final Duration DEFAULT_UNREFERENCED_ATTACHMENT_TTL = Duration.ofHours(24);
    /** 5,000 conversations. */
    public static final int DEFAULT_ANNOUNCEMENT_CHUNK_SIZE = 5_000;
    /** 200 items. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 200;
    /** 7 days. */
    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(7);
    /** 500 saved replies per tenant. */
    public static final int DEFAULT_MAX_SAVED_REPLIES = 500;
    /** 20 mentioned team members. */
    public static final int DEFAULT_MAX_MENTIONS_PER_MESSAGE = 20;

    public MessagingLimits {
        requirePositive(maxTextLength, "maxTextLength");
        if (maxAttachmentsPerMessage < 0) {
            throw new IllegalArgumentException("maxAttachmentsPerMessage must not be negative");
        }
        requirePositive(maxAttachmentSize, "maxAttachmentSize");
        allowedContentTypes = Set.copyOf(Objects.requireNonNull(allowedContentTypes,
                "allowedContentTypes must not be null"));
        requirePositive(editWindow, "editWindow");
        requirePositive(unreferencedAttachmentTtl, "unreferencedAttachmentTtl");
        requirePositive(announcementChunkSize, "announcementChunkSize");
        requirePositive(maxPageSize, "maxPageSize");
        requirePositive(eventRetention, "eventRetention");
        requirePositive(maxSavedReplies, "maxSavedReplies");
        if (maxMentionsPerMessage < 0) {
            throw new IllegalArgumentException("maxMentionsPerMessage must not be negative");
        }
    }

    /** The limits as they were before saved replies and mentions had theirs (which are then the defaults). */
    public MessagingLimits(int maxTextLength, int maxAttachmentsPerMessage, long maxAttachmentSize,
                           Set<String> allowedContentTypes, Duration editWindow, Duration unreferencedAttachmentTtl,
                           int announcementChunkSize, int maxPageSize, Duration eventRetention) {
        this(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes, editWindow,
                unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                DEFAULT_MAX_SAVED_REPLIES, DEFAULT_MAX_MENTIONS_PER_MESSAGE);
    }

    /** The defaults named by the {@code DEFAULT_...} constants. */
    public static MessagingLimits defaults() {
        return new MessagingLimits(DEFAULT_MAX_TEXT_LENGTH, DEFAULT_MAX_ATTACHMENTS_PER_MESSAGE,
                DEFAULT_MAX_ATTACHMENT_SIZE, DEFAULT_ALLOWED_CONTENT_TYPES, DEFAULT_EDIT_WINDOW,
                DEFAULT_UNREFERENCED_ATTACHMENT_TTL, DEFAULT_ANNOUNCEMENT_CHUNK_SIZE, DEFAULT_MAX_PAGE_SIZE,
                DEFAULT_EVENT_RETENTION, DEFAULT_MAX_SAVED_REPLIES, DEFAULT_MAX_MENTIONS_PER_MESSAGE);
    }

    public MessagingLimits withMaxTextLength(int value) {
        return new MessagingLimits(value, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withMaxAttachmentsPerMessage(int value) {
        return new MessagingLimits(maxTextLength, value, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withMaxAttachmentSize(long bytes) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, bytes, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withAllowedContentTypes(Set<String> types) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, types,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    /** These limits with more content types allowed. */
    public MessagingLimits withAdditionalContentTypes(String... types) {
        Set<String> all = new LinkedHashSet<>(allowedContentTypes);
        all.addAll(Set.of(types));
        return withAllowedContentTypes(all);
    }

    public MessagingLimits withEditWindow(Duration value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                value, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withUnreferencedAttachmentTtl(Duration value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, value, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withAnnouncementChunkSize(int value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, value, maxPageSize, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withMaxPageSize(int value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, value, eventRetention,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withEventRetention(Duration value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, value,
                maxSavedReplies, maxMentionsPerMessage);
    }

    public MessagingLimits withMaxSavedReplies(int value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention, value,
                maxMentionsPerMessage);
    }

    /** These limits with another most mentions per message ({@code 0}: mentions are refused). */
    public MessagingLimits withMaxMentionsPerMessage(int value) {
        return new MessagingLimits(maxTextLength, maxAttachmentsPerMessage, maxAttachmentSize, allowedContentTypes,
                editWindow, unreferencedAttachmentTtl, announcementChunkSize, maxPageSize, eventRetention,
                maxSavedReplies, value);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.Objects;

/**
 * An announcement and its delivery progress, as a store keeps it. Its attachments are rows of their own
 * ({@link AttachmentRows#ofAnnouncement}).
 *
 * @param id             never {@code null}
 * @param author         never {@code null}
 * @param authorName     never {@code null}
 * @param text           never {@code null}
 * @param highlighted    whether its messages stand out
 * @param allClients     whether it went to every client account
 * @param status         never {@code null}
 * @param targetCount    how many conversations it targets
 * @param deliveredCount how many of them got its message so far
 * @param cursor         the last target delivered to (targets are delivered ascending by id), {@code null} before
 *                       the first chunk
 * @param createdAt      never {@code null}
 * @param lease          which node delivers it until when, {@code null} when none does
 */
public record AnnouncementRow(AnnouncementId id, Actor author, String authorName, String text, boolean highlighted,
                              boolean allClients, Announcement.Status status, int targetCount, int deliveredCount,
                              ConversationId cursor, Instant createdAt, AnnouncementLease lease) {

    public AnnouncementRow {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(authorName, "authorName must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /** This row with another status, delivered count and cursor. */
    public AnnouncementRow withProgress(Announcement.Status status, int deliveredCount, ConversationId cursor) {
        return new AnnouncementRow(id, author, authorName, text, highlighted, allClients, status, targetCount,
                deliveredCount, cursor, createdAt, lease);
    }

    /** This row with another target count. */
    public AnnouncementRow withTargetCount(int targetCount) {
        return new AnnouncementRow(id, author, authorName, text, highlighted, allClients, status, targetCount,
                deliveredCount, cursor, createdAt, lease);
    }

    /** This row with another lease ({@code null} for none). */
    public AnnouncementRow withLease(AnnouncementLease lease) {
        return new AnnouncementRow(id, author, authorName, text, highlighted, allClients, status, targetCount,
                deliveredCount, cursor, createdAt, lease);
    }

    /** Whether a node may claim it at {@code now}: unfinished and not held (no lease, or one that ran out). */
    public boolean claimableAt(Instant now) {
        return !finished() && (lease == null || !lease.until().isAfter(now));
    }

    /** Whether its delivery has ended, either way. */
    public boolean finished() {
        return status == Announcement.Status.DELIVERED || status == Announcement.Status.FAILED;
    }
}

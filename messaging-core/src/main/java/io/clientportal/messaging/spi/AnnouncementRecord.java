package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.List;

/**
 * An announcement as the store keeps it.
 *
 * @param id             the id
 * @param author         the team member who sent it
 * @param authorName     their display name when sending
 * @param text           the text
 * @param attachments    its attachments, stored once and referenced by every delivered message
 * @param highlighted    whether delivered messages are highlighted
 * @param allClients     whether it targets every client account
 * @param status         where delivery stands
 * @param targetCount    how many conversations it targets
 * @param deliveredCount how many it has been delivered to
 * @param cursor         the last target conversation delivery handled, or {@code null} before the first chunk
 * @param createdAt      when it was sent
 * @param lease          which node delivers it and until when, or {@code null} when no node does (finished, or
 *                       released by a node that stopped)
 */
public record AnnouncementRecord(AnnouncementId id, Actor author, String authorName, String text,
                                 List<Attachment> attachments, boolean highlighted, boolean allClients,
                                 Announcement.Status status, int targetCount, int deliveredCount,
                                 ConversationId cursor, Instant createdAt, AnnouncementLease lease) {

    public AnnouncementRecord {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A record that no node delivers yet. */
    public AnnouncementRecord(AnnouncementId id, Actor author, String authorName, String text,
                              List<Attachment> attachments, boolean highlighted, boolean allClients,
                              Announcement.Status status, int targetCount, int deliveredCount,
                              ConversationId cursor, Instant createdAt) {
        this(id, author, authorName, text, attachments, highlighted, allClients, status, targetCount,
                deliveredCount, cursor, createdAt, null);
    }

    /** This record with new progress (the lease unchanged). */
    public AnnouncementRecord withProgress(Announcement.Status status, int deliveredCount, ConversationId cursor) {
        return new AnnouncementRecord(id, author, authorName, text, attachments, highlighted, allClients, status,
                targetCount, deliveredCount, cursor, createdAt, lease);
    }

    /** This record with another lease ({@code null}: nobody's). */
    public AnnouncementRecord withLease(AnnouncementLease lease) {
        return new AnnouncementRecord(id, author, authorName, text, attachments, highlighted, allClients, status,
                targetCount, deliveredCount, cursor, createdAt, lease);
    }

    /** Whether a node may claim its delivery at {@code now}: unfinished, and no lease or one that ran out. */
    public boolean claimableAt(Instant now) {
        return !finished() && (lease == null || !lease.until().isAfter(now));
    }

    /** Whether delivery has ended, delivered or failed. */
    public boolean finished() {
        return status == Announcement.Status.DELIVERED || status == Announcement.Status.FAILED;
    }
}

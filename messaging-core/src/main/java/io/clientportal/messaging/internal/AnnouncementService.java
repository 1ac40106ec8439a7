package io.clientportal.messaging.internal;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Announcements;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRecord;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Accepts announcements and reports their progress; {@link AnnouncementDelivery} delivers them. */
final class AnnouncementService implements Announcements {

    private final Context context;
    private final String tenantId;

    AnnouncementService(Context context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    @Override
    public Announcement send(Actor actor, NewAnnouncement announcement) {
        Checks.notNull(actor, "actor");
        Checks.notNull(announcement, "announcement");
        List<AttachmentId> attachmentIds = MessageService.distinct(announcement.attachmentIds(),
                context.limits.maxAttachmentsPerMessage());
        String text = Checks.text(announcement.text(), context.limits, !attachmentIds.isEmpty());
        Set<String> accountIds = new LinkedHashSet<>();
        if (!announcement.allClients()) {
            for (String accountId : announcement.clientAccountIds()) {
                accountIds.add(Checks.id(accountId, "clientAccountIds"));
            }
            if (accountIds.isEmpty()) {
                throw new InvalidInputException("clientAccountIds", "name at least one client account, or all clients");
            }
        }
        AnnouncementRecord sent = context.uow.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            Facts facts = Facts.direct(store);
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            if (!context.authorizer.maySendAnnouncements(subject)) {
                throw new AccessDeniedException("only owners, admins and managers send announcements");
            }
            List<ConversationId> targets = new ArrayList<>(accountIds.size());
            for (String accountId : accountIds) {
                Conversation conversation = store.conversationOfAccount(accountId).orElseThrow(() ->
                        new NotFoundException("client account " + accountId + " not found"));
                targets.add(conversation.id());
            }
            List<Attachment> attachments = Attachments.claim(store, actor, attachmentIds);
            AnnouncementId id = new AnnouncementId(context.ids.next());
            Instant now = context.now();
            // This node delivers it first; should it never start (it dies first), another takes over the lease.
            AnnouncementLease lease = context.announcementDelivery.newLease(now);
            AnnouncementRecord record = new AnnouncementRecord(id, actor, subject.name(), text, attachments,
                    announcement.highlight(), announcement.allClients(), Announcement.Status.QUEUED,
                    targets.size(), 0, null, now, lease);
            if (announcement.allClients()) {
                store.insertAnnouncement(record);
                int count = store.addAllConversationsAsTargets(id);
                record = new AnnouncementRecord(id, actor, subject.name(), text, attachments,
                        announcement.highlight(), true, Announcement.Status.QUEUED, count, 0, null, now, lease);
                store.updateAnnouncementProgress(record);
            } else {
                store.insertAnnouncement(record);
                store.addAnnouncementTargets(id, targets);
            }
            if (!attachmentIds.isEmpty()) {
                store.referenceAttachments(attachmentIds, null, null, id);
            }
            AnnouncementRecord accepted = record;
            tx.afterCommit(() -> context.announcementDelivery.schedule(tenantId, accepted.id()));
            return record;
        });
        return toAnnouncement(sent, 0);
    }

    @Override
    public Announcement get(Actor actor, AnnouncementId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "announcementId");
        return context.uow.read(tenantId, tx -> {
            AnnouncementRecord record = tx.store().announcement(id).orElseThrow(() -> Errors.announcementNotFound(id));
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            if (!record.author().equals(actor) && !context.authorizer.maySendAnnouncements(subject)) {
                throw Errors.announcementNotFound(id);
            }
            return toAnnouncement(record, context.cache.announcementReadCount(tenantId, id,
                    () -> tx.store().announcementReadCount(id)));
        });
    }

    static Announcement toAnnouncement(AnnouncementRecord record, int readCount) {
        return new Announcement(record.id(), record.text(), record.highlighted(), record.status(),
                record.targetCount(), record.deliveredCount(), readCount, record.createdAt());
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Announcements;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.ConversationRow;
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
        AnnouncementRow sent = context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            Facts facts = Facts.direct(store);
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            if (!context.authorizer.maySendAnnouncements(subject)) {
                throw new AccessDeniedException("only owners, admins and managers send announcements");
            }
            List<ConversationId> targets = new ArrayList<>(accountIds.size());
            for (String accountId : accountIds) {
                ConversationRow conversation = store.conversations().ofAccount(accountId).orElseThrow(() ->
                        new NotFoundException("client account " + accountId + " not found"));
                targets.add(conversation.id());
            }
            UploadClaims.claim(store, actor, attachmentIds);
            AnnouncementId id = new AnnouncementId(context.ids.next());
            Instant now = context.now();
            // This node delivers it first; should it never start (it dies first), another takes over the lease.
            AnnouncementLease lease = context.announcementDelivery.newLease(now);
            AnnouncementRow record = new AnnouncementRow(id, actor, subject.name(), text,
                    announcement.highlight(), announcement.allClients(), Announcement.Status.QUEUED,
                    targets.size(), 0, null, now, lease);
            store.announcements().insert(record);
            if (announcement.allClients()) {
                record = record.withTargetCount(store.announcements().addAllConversationsAsTargets(id));
                store.announcements().update(record);
            } else {
                store.announcements().addTargets(id, targets);
            }
            if (!attachmentIds.isEmpty()) {
                store.attachments().reference(attachmentIds, null, null, id);
            }
            AnnouncementRow accepted = record;
            tx.afterCommit(() -> context.announcementDelivery.schedule(tenantId, accepted.id()));
            return record;
        });
        return toAnnouncement(sent, 0);
    }

    @Override
    public Announcement get(Actor actor, AnnouncementId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "announcementId");
        return context.transactions.read(tenantId, tx -> {
            AnnouncementRow record = tx.store().announcements().find(id)
                    .orElseThrow(() -> Errors.announcementNotFound(id));
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            if (!record.author().equals(actor) && !context.authorizer.maySendAnnouncements(subject)) {
                throw Errors.announcementNotFound(id);
            }
            return toAnnouncement(record, context.cache.announcementReadCount(tenantId, id,
                    () -> tx.store().announcements().readCount(id, Actor.Kind.CLIENT_USER)));
        });
    }

    static Announcement toAnnouncement(AnnouncementRow record, int readCount) {
        return new Announcement(record.id(), record.text(), record.highlighted(), record.status(),
                record.targetCount(), record.deliveredCount(), readCount, record.createdAt());
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.AttachmentContent;
import io.clientportal.messaging.Attachments;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.UnsupportedContentTypeException;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.StoreTransaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.time.Instant;

/** Uploads (streamed, capped, typed from the bytes) and authorised downloads. */
final class AttachmentService implements Attachments {

    private final Context context;
    private final String tenantId;

    AttachmentService(Context context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    @Override
    public Attachment upload(Actor actor, String filename, String declaredContentType, InputStream content) {
        Checks.notNull(actor, "actor");
        Checks.notNull(content, "file");
        Authorizer.Subject subject = context.authorizer.subject(context.cachedFacts(tenantId), actor);
        if (!subject.isKnown()) {
            throw new AccessDeniedException("only known team members and client users may upload");
        }
        String name = FilenameSanitizer.sanitize(filename);
        byte[] head = new byte[context.uploadTypes.headSize()];
        int headLength = readHead(content, head);
        if (headLength == 0) {
            throw new InvalidInputException("file", "file must not be empty");
        }
        String type = context.uploadTypes.detect(head, headLength, name);
        if (!context.limits.allowedContentTypes().contains(type)) {
            throw new UnsupportedContentTypeException(type);
        }
        AttachmentId id = new AttachmentId(context.ids.next());
        String key = "attachments/" + id;
        CappedDigestInputStream counted = new CappedDigestInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head, 0, headLength), content), context.limits.maxAttachmentSize());
        try {
            context.attachmentBytes.store().write(key, counted);
        } catch (IOException | RuntimeException e) {
            context.attachmentBytes.deleteQuietly(key);
            if (e instanceof MessagingException messagingException) {
                throw messagingException;
            }
            throw new MessagingStoreException("could not store the attachment", e);
        }
        Attachment attachment = new Attachment(id, name, type, counted.count(), counted.sha256());
        Instant now = context.now();
        try {
            context.transactions.write(tenantId, tx -> {
                tx.store().attachments().insert(new AttachmentRow(id, name, type, attachment.size(),
                        attachment.sha256(), actor, key, now, null, null, null));
                // A host's transaction that rolls back later takes the row: the bytes go too.
                tx.afterRollback(() -> context.attachmentBytes.deleteQuietly(key));
                return null;
            });
        } catch (RuntimeException e) {
            context.attachmentBytes.deleteQuietly(key);
            throw e;
        }
        return attachment;
    }

    private static int readHead(InputStream content, byte[] head) {
        int length = 0;
        try {
            while (length < head.length) {
                int n = content.read(head, length, head.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "could not read the upload: " + e.getMessage());
        }
        return length;
    }

    @Override
    public AttachmentContent open(Actor actor, AttachmentId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "attachmentId");
        AttachmentRow record = context.transactions.read(tenantId, tx -> {
            AttachmentRow found = tx.store().attachments().find(id).orElseThrow(() -> Errors.attachmentNotFound(id));
            if (!mayOpen(tx.store(), actor, found)) {
                throw Errors.attachmentNotFound(id);
            }
            return found;
        });
        try {
            return new AttachmentContent(Records.attachment(record),
                    context.attachmentBytes.store().read(record.storageKey()));
        } catch (IOException e) {
            throw new MessagingStoreException("could not read attachment " + id, e);
        }
    }

    /** Attachments are authorised like what references them; an unreferenced upload only by its uploader. */
    private boolean mayOpen(StoreTransaction store, Actor actor, AttachmentRow record) {
        if (!record.isReferenced()) {
            return record.uploader().equals(actor);
        }
        Facts facts = context.cachedFacts(store);
        Authorizer.Subject subject = context.authorizer.subject(facts, actor);
        if (record.messageId() != null) {
            // An internal note's attachment is the team's: to a client it does not exist.
            return store.conversations().find(record.conversationId())
                    .map(conversation -> mayView(facts, subject, conversation))
                    .orElse(false)
                    && (!Notes.clientView(actor) || store.messages().find(record.messageId())
                            .map(message -> Notes.maySee(actor, message)).orElse(false));
        }
        if (record.uploader().equals(actor) || subject.isManager()) {
            return true;
        }
        if (subject.accountId() != null) {
            return store.conversations().ofAccount(subject.accountId())
                    .filter(conversation -> mayView(facts, subject, conversation))
                    .flatMap(conversation -> store.messages().ofAnnouncement(record.announcementId(),
                            conversation.id()))
                    .filter(message -> !message.deleted())
                    .isPresent();
        }
        return subject.role() != null
                && store.announcements().deliveredToParticipant(record.announcementId(), actor.id());
    }

    private boolean mayView(Facts facts, Authorizer.Subject subject, ConversationRow conversation) {
        return context.authorizer.decide(facts, subject, conversation.id(), conversation.clientAccountId(),
                Permission.VIEW, false, false) == AccessDecision.ALLOW;
    }
}

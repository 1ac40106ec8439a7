package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messages;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.ConversationStatusChanged;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.PostResult;
import io.clientportal.messaging.model.ReadReceipt;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.LockedConversation;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.SeqReservation;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Posting, history, edits, deletes and read state. */
final class MessageService implements Messages {

    private final Context context;
    private final String tenantId;
    private final ConversationService conversations;
    private final Mentions mentions;
    private final ReadReceipts receipts;

    MessageService(Context context, String tenantId, ConversationService conversations) {
        this.context = context;
        this.tenantId = tenantId;
        this.conversations = conversations;
        this.mentions = new Mentions(context, tenantId);
        this.receipts = new ReadReceipts(context, tenantId, conversations);
    }

    @Override
    public Message post(Actor actor, ConversationId id, NewMessage message) {
        return postIdempotent(actor, id, message).message();
    }

    @Override
    public PostResult postIdempotent(Actor actor, ConversationId id, NewMessage message) {
        return context.instrumentation.observe(ObservedOperation.Kind.MESSAGE_POST, tenantId, actor,
                () -> postObserved(actor, id, message), result -> result.created() ? Instrumentation.SUCCESS
                        : "replayed");
    }

    private PostResult postObserved(Actor actor, ConversationId id, NewMessage message) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        Checks.notNull(message, "message");
        List<AttachmentId> attachmentIds = distinct(message.attachmentIds(), context.limits.maxAttachmentsPerMessage());
        String text = Checks.text(message.text(), context.limits, !attachmentIds.isEmpty());
        String clientMessageId = Checks.clientMessageId(message.clientMessageId());
        List<String> mentioned = Mentions.distinct(message.mentions(), context.limits.maxMentionsPerMessage());
        boolean note = message.internal();
        try {
            return context.transactions.write(tenantId,
                    tx -> post(tx, actor, id, text, attachmentIds, clientMessageId, mentioned,
                            message.addMentioned(), note));
        } catch (DuplicateKeyException raced) {
            if (raced.key() != DuplicateKeyException.Key.CLIENT_MESSAGE_ID) {
                throw raced;
            }
            // A call with the same key committed first (on this node or another): the unique key decided, and
            // the answer is the message it stored.
            Message earlier = context.transactions.read(tenantId, tx -> tx.store().messages()
                    .byClientMessageId(id, actor, clientMessageId).map(row -> Records.message(row,
                            Notes.clientView(actor)))).orElseThrow(() -> raced);
            return replay(earlier, text, attachmentIds, clientMessageId, note);
        }
    }

    private PostResult post(Transaction tx, Actor actor, ConversationId id, String text,
                            List<AttachmentId> attachmentIds, String clientMessageId, List<String> mentioned,
                            boolean addMentioned, boolean note) {
        StoreTransaction store = tx.store();
        Permission permission = note ? Permission.POST_NOTE : Permission.POST;
        boolean clientView = Notes.clientView(actor);
        if (clientMessageId != null) {
            Optional<Message> earlier = store.messages().byClientMessageId(id, actor, clientMessageId)
                    .map(row -> Records.message(row, clientView));
            if (earlier.isPresent()) {
                // A retry: answered with the stored message, once the actor passes the check the first call passed.
                ConversationRow conversation = store.conversations().find(id)
                        .orElseThrow(() -> Errors.conversationNotFound(id));
                Facts facts = Facts.direct(store);
                context.authorizer.require(facts, context.authorizer.subject(facts, actor), id,
                        conversation.clientAccountId(), permission);
                return replay(earlier.get(), text, attachmentIds, clientMessageId, note);
            }
        }
        Instant now = context.now();
        // The seq and the author's facts come in one round trip; a refused post throws below and the unit rolls
        // back, seq included, so nothing of it is kept and the seqs stay gap-free.
        SeqReservation reservation = store.takeSeqFor(id, actor, now, note)
                .orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = Facts.of(reservation);
        Authorizer.Subject subject = context.authorizer.subject(facts, actor);
        context.authorizer.require(facts, subject, id, reservation.clientAccountId(), permission);
        List<String> toTell = mentions.admit(tx, actor, id, reservation.clientAccountId(), mentioned, addMentioned);
        List<AttachmentRow> attachments = claim(store, actor, id, attachmentIds, clientMessageId);
        long seq = reservation.seq();
        // The time the seq settled on, under the conversation's lock: times follow seqs, even when this call took
        // its time before a concurrent post that took the lock first.
        Instant createdAt = reservation.at();
        MessageRow row = new MessageRow(new MessageId(context.ids.next()), id, seq, actor, subject.name(), text,
                attachments, false, null, clientMessageId, createdAt, null, null, mentioned, note,
                reservation.clientSeq());
        store.messages().insert(row);
        if (!attachmentIds.isEmpty()) {
            store.attachments().reference(attachmentIds, id, row.id(), null);
        }
        // The poster has read what they wrote (a client's horizon is a client seq; a client never posts a note).
        store.readState().advanceHorizon(id, actor, clientView ? row.clientSeq() : seq, Unread.keepsTotal(actor));
        if (actor.isTeamMember()) {
            // Their horizon passed every mention of them before their message.
            store.mentions().markRead(id, actor.id(), seq);
        }
        context.notifications.posted(store, reservation.clientAccountId(), row);
        tx.emit(new MessagePosted(null, tenantId, id, createdAt, Records.message(row), row.clientSeq()));
        mentions.record(tx, id, row.id(), seq, createdAt, toTell);
        // A client writing again needs the team again, whatever the team last set (an open one stays as it is).
        if (!actor.isTeamMember() && reservation.teamStatus() != ConversationStatus.OPEN
                && store.conversations().reopen(id, createdAt)) {
            tx.emit(new ConversationStatusChanged(null, tenantId, id, createdAt, ConversationStatus.OPEN, actor));
        }
        return new PostResult(Records.message(row, clientView), true);
    }

    /**
     * Claims the uploads of a post that holds the conversation's lock. A call with the same key that committed
     * while this one waited for the lock has claimed them: this call is its retry, rolled back (seq included) and
     * answered as one that lost the race on the unique key.
     */
    private static List<AttachmentRow> claim(StoreTransaction store, Actor actor, ConversationId id,
                                          List<AttachmentId> attachmentIds, String clientMessageId) {
        try {
            return UploadClaims.claim(store, actor, attachmentIds);
        } catch (InvalidInputException refused) {
            if (clientMessageId != null
                    && store.messages().byClientMessageId(id, actor, clientMessageId).isPresent()) {
                throw new DuplicateKeyException(DuplicateKeyException.Key.CLIENT_MESSAGE_ID, refused);
            }
            throw refused;
        }
    }

    /**
     * The answer to a retry: the message its key stored, when this call asks for the same; a conflict when it asks
     * for another text or other attachments. A deleted message keeps neither, an edited one not its first text:
     * then there is nothing to compare, and the stored message is the answer.
     */
    private static PostResult replay(Message earlier, String text, List<AttachmentId> attachmentIds,
                                     String clientMessageId, boolean note) {
        if (earlier.internal() != note) {
            throw new ConflictException("clientMessageId", "clientMessageId " + clientMessageId
                    + " was already used for " + (note ? "a message that is not a note" : "an internal note"));
        }
        boolean sameText = earlier.deleted() || earlier.editedAt() != null || earlier.text().equals(text);
        boolean sameAttachments = earlier.deleted() || Set.copyOf(attachmentIds).equals(
                earlier.attachments().stream().map(Attachment::id).collect(Collectors.toSet()));
        if (!sameText || !sameAttachments) {
            throw new ConflictException("clientMessageId", "clientMessageId " + clientMessageId
                    + " was already used for a message with " + (sameText ? "other attachments" : "another text"));
        }
        return new PostResult(earlier, false);
    }

    @Override
    public Page<Message> history(Actor actor, ConversationId id, HistoryQuery query) {
        return context.instrumentation.observe(ObservedOperation.Kind.HISTORY_READ, tenantId, actor,
                () -> readHistory(actor, id, query));
    }

    private Page<Message> readHistory(Actor actor, ConversationId id, HistoryQuery query) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        Checks.notNull(query, "query");
        int limit = Checks.pageSize(query.limit(), context.limits);
        if (query.beforeSeq() != null && query.afterSeq() != null) {
            throw new InvalidInputException("before", "give either before or after, not both");
        }
        if ((query.beforeSeq() != null && query.beforeSeq() < 0)
                || (query.afterSeq() != null && query.afterSeq() < 0)) {
            throw new InvalidInputException(query.beforeSeq() != null ? "before" : "after", "seq must not be negative");
        }
        return context.transactions.read(tenantId, tx -> {
            conversations.requireVisible(tx.store(), actor, id);
            boolean clientView = Notes.clientView(actor);
            List<Message> items = Records.messages(tx.store().messages().page(id, query.beforeSeq(), query.afterSeq(),
                    limit, clientView), clientView);
            String next = null;
            if (items.size() == limit) {
                if (query.afterSeq() != null) {
                    next = Long.toString(items.get(items.size() - 1).seq());
                } else if (items.get(0).seq() > 1) {
                    next = Long.toString(items.get(0).seq());
                }
            }
            return new Page<>(items, next);
        });
    }

    @Override
    public Message get(Actor actor, MessageId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "messageId");
        return context.transactions.read(tenantId, tx -> {
            Message message = tx.store().messages().find(id).filter(row -> Notes.maySee(actor, row))
                    .map(row -> Records.message(row, Notes.clientView(actor)))
                    .orElseThrow(() -> Errors.messageNotFound(id));
            try {
                conversations.visibleConversation(tx.store(), actor, message.conversationId());
            } catch (io.clientportal.messaging.NotFoundException hidden) {
                throw Errors.messageNotFound(id);
            }
            return message;
        });
    }

    @Override
    public Message edit(Actor actor, MessageId id, String newText) {
        return context.instrumentation.observe(ObservedOperation.Kind.MESSAGE_EDIT, tenantId, actor,
                () -> editObserved(actor, id, newText));
    }

    private Message editObserved(Actor actor, MessageId id, String newText) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "messageId");
        String text = Checks.text(newText, context.limits, false);
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            MessageRow row = authorizeOnMessage(store, actor, id, Permission.EDIT_MESSAGE);
            Message message = Records.message(row, Notes.clientView(actor));
            if (message.deleted()) {
                throw new ConflictException("message " + id + " was deleted");
            }
            if (message.announcementId() != null) {
                throw new ConflictException("an announcement's message can't be edited");
            }
            if (message.text().equals(text)) {
                return message;
            }
            Instant now = context.now();
            if (!store.messages().updateText(id, text, now)) {
                // Deleted by another unit of work since it was read: the store left the tombstone as it was.
                throw new ConflictException("message " + id + " was deleted");
            }
            Message edited = store.messages().find(id).map(Records::message)
                    .orElseThrow(() -> Errors.messageNotFound(id));
            context.redaction.restate(store, edited);
            tx.emit(new MessageEdited(null, tenantId, edited.conversationId(), now, edited, row.clientSeq()));
            return Notes.clientView(actor) ? edited.withSeq(row.clientSeq()) : edited;
        });
    }

    @Override
    public void delete(Actor actor, MessageId id) {
        context.instrumentation.observe(ObservedOperation.Kind.MESSAGE_DELETE, tenantId, actor,
                () -> deleteObserved(actor, id));
    }

    private Void deleteObserved(Actor actor, MessageId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "messageId");
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            MessageRow row = authorizeOnMessage(store, actor, id, Permission.DELETE_MESSAGE);
            Message message = Records.message(row);
            if (message.deleted()) {
                return null;
            }
            Instant now = context.now();
            store.messages().markDeleted(id, now);
            store.readState().uncount(row);
            store.mentions().deleteOfMessage(row.conversationId(), row.seq());
            if (message.announcementId() == null && !message.attachments().isEmpty()) {
                // A message's own uploads go with it; an announcement's are shared by all its messages and stay.
                List<AttachmentRow> gone = store.attachments().delete(
                        message.attachments().stream().map(Attachment::id).toList());
                tx.afterCommit(() -> context.attachmentBytes.deleteQuietly(gone));
            }
            // What was logged about it (text, attachments) goes too: replays and webhooks show the tombstone.
            context.redaction.restate(store, store.messages().find(id).map(Records::message).orElseThrow());
            tx.emit(new MessageDeleted(null, tenantId, message.conversationId(), now, id, message.seq(),
                    row.internal(), row.clientSeq()));
            return null;
        });
    }

    /**
     * Loads a message and authorises an edit or delete of it from the store; hidden answers like missing (a note,
     * to a client).
     */
    private MessageRow authorizeOnMessage(StoreTransaction store, Actor actor, MessageId id, Permission permission) {
        MessageRow message = store.messages().find(id).filter(row -> Notes.maySee(actor, row))
                .orElseThrow(() -> Errors.messageNotFound(id));
        ConversationRow conversation = store.conversations().find(message.conversationId())
                .orElseThrow(() -> Errors.messageNotFound(id));
        Facts facts = Facts.direct(store);
        Authorizer.Subject subject = context.authorizer.subject(facts, actor);
        boolean own = message.author().equals(actor);
        boolean withinWindow = !context.clock.instant().isAfter(message.createdAt().plus(context.limits.editWindow()));
        if (context.authorizer.decide(facts, subject, conversation.id(), conversation.clientAccountId(),
                Permission.VIEW, own, withinWindow) != io.clientportal.messaging.spi.AccessDecision.ALLOW) {
            throw Errors.messageNotFound(id);
        }
        context.authorizer.require(facts, subject, conversation.id(), conversation.clientAccountId(), permission,
                own, withinWindow, message.internal());
        return message;
    }

    @Override
    public void markRead(Actor actor, ConversationId id, long seq) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        if (seq < 0) {
            throw new InvalidInputException("seq", "seq must not be negative");
        }
        context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            // The conversation under its lock, with the reader's facts, in one round trip: the horizon is decided
            // over the last seq as it stays until commit.
            LockedConversation locked = store.lockFor(id, actor).orElseThrow(() -> Errors.conversationNotFound(id));
            ConversationRow conversation = locked.conversation();
            Facts facts = Facts.of(locked);
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            context.authorizer.require(facts, subject, id, conversation.clientAccountId(), Permission.VIEW);
            // A client reads in client seqs, up to the last message it sees; the team in team seqs.
            boolean clientView = Notes.clientView(actor);
            long horizon = Math.min(seq, clientView ? conversation.lastClientSeq() : conversation.lastSeq());
            if (horizon > 0 && store.readState().advanceHorizon(id, actor, horizon, Unread.keepsTotal(actor))) {
                if (actor.isTeamMember()) {
                    store.mentions().markRead(id, actor.id(), horizon);
                }
                // The event carries both views. A client's horizon is a client seq: the team's copy has the seq
                // of the message it is at. A team member's horizon is told to clients only where it is at a message
                // they see, as its client seq (at a note it is not told: a read that did not move in their view
                // would tell them that something they do not see was read), and only a member's whose reads clients
                // are told (ReadReceipts#toldToClients, decided as of the read: replays tell it the same).
                ReadPosition at = readPosition(store, conversation, horizon, clientView);
                long teamSeq = clientView ? at.seq() : horizon;
                boolean told = clientView || ReadReceipts.toldToClients(context.authorizer, facts, subject, id,
                        conversation.clientAccountId());
                long clientSeq = clientView ? horizon : at.internal() || !told ? 0 : at.clientSeq();
                tx.emit(new ConversationRead(null, tenantId, id, context.now(), actor, teamSeq, clientSeq));
            }
            return null;
        });
    }

    /** Where a horizon is in both views: the seq and client seq of the message it is at, and whether it is a note. */
    private record ReadPosition(long seq, long clientSeq, boolean internal) {
    }

    /**
     * The message a horizon (in the reader's view) is at. In a conversation without notes (as many messages as
     * messages clients see) every message's client seq is its seq, so nothing need be read; else the message is.
     * A horizon at no stored message is at itself in the team's view and at none in the clients'.
     */
    private static ReadPosition readPosition(StoreTransaction store, ConversationRow conversation, long horizon,
                                             boolean clientView) {
        if (conversation.lastSeq() == conversation.lastClientSeq()) {
            return new ReadPosition(horizon, horizon, false);
        }
        return store.messages().page(conversation.id(), null, horizon - 1, 1, clientView).stream().findFirst()
                .map(at -> new ReadPosition(at.seq(), at.clientSeq(), at.internal()))
                .orElse(new ReadPosition(horizon, 0, true));
    }

    @Override
    public List<ReadReceipt> readReceipts(Actor actor, ConversationId id) {
        return receipts.of(actor, id);
    }

    @Override
    public long unreadTotal(Actor actor) {
        Checks.notNull(actor, "actor");
        return context.transactions.read(tenantId, tx -> {
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            return tx.store().readState().count(actor, Scopes.of(tx.store(), subject), Notes.unread(actor));
        });
    }

    @Override
    public long mentionTotal(Actor actor) {
        Checks.notNull(actor, "actor");
        return context.transactions.read(tenantId, tx -> mentions.unread(tx.store(), actor).values().stream()
                .mapToLong(Long::longValue).sum());
    }

    /** The attachment ids without repeats; at most {@code max}. */
    static List<AttachmentId> distinct(List<AttachmentId> ids, int max) {
        for (AttachmentId id : ids) {
            if (id == null) {
                throw new InvalidInputException("attachmentIds", "attachmentIds must not contain null");
            }
        }
        List<AttachmentId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() > max) {
            throw new InvalidInputException("attachmentIds", "at most " + max + " attachments per message");
        }
        return distinct;
    }
}

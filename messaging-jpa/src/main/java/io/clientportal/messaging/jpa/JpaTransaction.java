package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.AnnouncementRows;
import io.clientportal.messaging.spi.AttachmentRows;
import io.clientportal.messaging.spi.ConversationRows;
import io.clientportal.messaging.spi.DirectoryRows;
import io.clientportal.messaging.spi.EventRows;
import io.clientportal.messaging.spi.LockedConversation;
import io.clientportal.messaging.spi.MentionRows;
import io.clientportal.messaging.spi.MessageRows;
import io.clientportal.messaging.spi.ReadStateRows;
import io.clientportal.messaging.spi.SavedReplyRows;
import io.clientportal.messaging.spi.SeqReservation;
import io.clientportal.messaging.spi.StoreTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One unit of work over one tenant's rows, on one {@link EntityManager} and its transaction: each area is the
 * class that knows its tables, the directory through entities, everything hot through native SQL.
 */
final class JpaTransaction implements StoreTransaction {

    private final String tenantId;
    private final DirectoryRepository directory;
    private final ConversationSql conversations;
    private final MessageSql messages;
    private final ReadStateSql readState;
    private final AnnouncementSql announcements;
    private final AttachmentSql attachments;
    private final EventLog events;
    private final NotificationSql notifications;
    private final SavedReplySql savedReplies;
    private final MentionSql mentions;
    private final ReminderSql reminders;

    JpaTransaction(String tenantId, EntityManager em, Platform platform) {
        this(tenantId, new Jdbc(em, platform), () -> em);
    }

    /**
     * A unit whose native statements run on {@code jdbc} and whose entities (the directory, announcements) are read
     * through {@code em}, which is asked for only when one is.
     */
    JpaTransaction(String tenantId, Jdbc jdbc, Supplier<EntityManager> em) {
        this.tenantId = tenantId;
        this.directory = new DirectoryRepository(em, tenantId);
        this.attachments = new AttachmentSql(jdbc, tenantId);
        KeptCounts counts = new KeptCounts(jdbc, tenantId);
        this.conversations = new ConversationSql(jdbc, tenantId, counts);
        this.messages = new MessageSql(jdbc, tenantId, attachments);
        this.readState = new ReadStateSql(jdbc, tenantId, attachments, counts);
        this.announcements = new AnnouncementSql(em, jdbc, tenantId, counts);
        this.events = new EventLog(jdbc, tenantId);
        this.notifications = new NotificationSql(jdbc, tenantId);
        this.savedReplies = new SavedReplySql(jdbc, tenantId);
        this.mentions = new MentionSql(jdbc, tenantId);
        this.reminders = new ReminderSql(jdbc, tenantId);
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public DirectoryRows directory() {
        return directory;
    }

    @Override
    public ConversationRows conversations() {
        return conversations;
    }

    @Override
    public MessageRows messages() {
        return messages;
    }

    @Override
    public ReadStateRows readState() {
        return readState;
    }

    @Override
    public AnnouncementRows announcements() {
        return announcements;
    }

    @Override
    public AttachmentRows attachments() {
        return attachments;
    }

    @Override
    public EventRows events() {
        return events;
    }

    @Override
    public io.clientportal.messaging.spi.NotificationRows notifications() {
        return notifications;
    }

    @Override
    public io.clientportal.messaging.spi.ReminderRows reminders() {
        return reminders;
    }

    @Override
    public SavedReplyRows savedReplies() {
        return savedReplies;
    }

    @Override
    public MentionRows mentions() {
        return mentions;
    }

    /** One statement: the seq taken, joined with the author's directory row (and participant row). */
    @Override
    public Optional<SeqReservation> takeSeqFor(ConversationId id, Actor author, Instant at) {
        return conversations.takeSeqFor(id, author, at, false);
    }

    @Override
    public Optional<SeqReservation> takeSeqFor(ConversationId id, Actor author, Instant at, boolean internal) {
        return conversations.takeSeqFor(id, author, at, internal);
    }

    /** One statement: the conversation locked and read with the actor's directory row (and participant row). */
    @Override
    public Optional<LockedConversation> lockFor(ConversationId id, Actor actor) {
        return conversations.lockFor(id, actor);
    }
}

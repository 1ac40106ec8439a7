package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ClientAccountRow;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.SavedReplyRow;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One tenant's tables, the same tables the JPA store has. Guarded by the store's lock. */
final class TenantData {

    /** A row of a conversation, by seq or by member: conversation first, so a conversation's rows are a range. */
    record InConversation<T extends Comparable<T>>(ConversationId conversationId, T key) {
    }

    /** A row of an announcement per conversation: announcement first, so its targets are a range. */
    record OfAnnouncement(AnnouncementId announcementId, ConversationId conversationId) {
    }

    record Horizon(ConversationId conversationId, Actor reader) {
    }

    /** A stored horizon: the seq read up to, and the read count kept beside it ({@code ReadStateRows}). */
    record HorizonRow(long seq, long readCount) {

        static final HorizonRow NONE = new HorizonRow(0, 0);
    }

    /** An unread mention: member first, so a member's mentions are a range ({@code MentionRows}). */
    record Mention(String teamMemberId, ConversationId conversationId, long seq) {
    }

    /** Mentions in member, conversation, seq order; a {@code null} conversation sorts first (a range's start). */
    private static final Comparator<Mention> MENTION_ORDER = Comparator.comparing(Mention::teamMemberId)
            .thenComparing(Mention::conversationId, Comparator.nullsFirst(Comparator.comparing(ConversationId::value)))
            .thenComparingLong(Mention::seq);

    record ClientMessageKey(ConversationId conversationId, Actor author, String clientMessageId) {
    }

    /** The key of {@link #tenantCountable}'s one row. */
    static final String TENANT = "tenant";

    private static final Comparator<ConversationId> BY_CONVERSATION = Comparator.comparing(ConversationId::value);

    final Table<String, TeamMemberRow> teamMembers = Table.hashed();
    final Table<String, ClientAccountRow> accounts = Table.hashed();
    final Table<String, ClientUserRow> clientUsers = Table.sorted(Comparator.naturalOrder());
    final Table<ConversationId, ConversationRow> conversations = Table.sorted(BY_CONVERSATION);
    final Table<String, ConversationId> conversationByAccount = Table.hashed();
    final Table<InConversation<Long>, MessageRow> messages = Table.sorted(inConversation());
    final Table<MessageId, InConversation<Long>> messageIndex = Table.hashed();
    final Table<ClientMessageKey, MessageId> clientMessageIds = Table.hashed();
    final Table<InConversation<String>, Access> participants = Table.sorted(inConversation());
    final Table<Horizon, HorizonRow> horizons = Table.hashed();
    /** Each conversation's countable, kept as messages are written ({@code ReadStateRows}). */
    final Table<ConversationId, Long> countable = Table.hashed();
    /** Each conversation's client countable: its messages neither deleted nor internal ({@code ReadStateRows}). */
    final Table<ConversationId, Long> clientCountable = Table.hashed();
    /** The tenant's countable, the one row of {@link #TENANT}. */
    final Table<String, Long> tenantCountable = Table.hashed();
    /** The kept totals of read counts, for the readers the core keeps them for. */
    final Table<Actor, Long> readTotals = Table.hashed();
    /**
     * Each team member's participant total: over the conversations they take part in, countable minus their read
     * count ({@code ReadStateRows}).
     */
    final Table<String, Long> participantTotals = Table.hashed();
    final Table<AnnouncementId, AnnouncementRow> announcements = Table.hashed();
    final Table<OfAnnouncement, Boolean> announcementTargets = Table.sorted(OF_ANNOUNCEMENT);
    final Table<OfAnnouncement, MessageId> announcementMessages = Table.sorted(OF_ANNOUNCEMENT);
    /** In the order they were referenced (each reference puts the row again), as a message lists them. */
    final Table<AttachmentId, AttachmentRow> attachments = Table.linked();
    /** One row per recipient: what is due for them, their leases and preferences. */
    final Table<Actor, io.clientportal.messaging.spi.NotificationRow> notifications = Table.hashed();
    /** One row per conversation with a pending follow-up reminder. */
    final Table<ConversationId, io.clientportal.messaging.spi.ReminderRow> reminders = Table.hashed();
    final Table<SavedReplyId, SavedReplyRow> savedReplies = Table.hashed();
    /** The unique key of a saved reply's shortcut. */
    final Table<String, SavedReplyId> savedReplyShortcuts = Table.hashed();
    /** Unread mentions, one row each ({@code MentionRows}). */
    final Table<Mention, Boolean> mentions = Table.sorted(MENTION_ORDER);

    private static final Comparator<OfAnnouncement> OF_ANNOUNCEMENT = Comparator
            .comparing((OfAnnouncement k) -> k.announcementId().value())
            .thenComparing(k -> k.conversationId().value());

    private static <T extends Comparable<T>> Comparator<InConversation<T>> inConversation() {
        return Comparator.comparing((InConversation<T> k) -> k.conversationId().value())
                .thenComparing(InConversation::key);
    }

    /** Adds {@code delta} to a conversation's countable and to the tenant's. */
    void addCountable(UndoLog undo, ConversationId id, long delta) {
        countable.put(undo, id, countable.find(id).orElse(0L) + delta);
        tenantCountable.put(undo, TENANT, tenantCountable.find(TENANT).orElse(0L) + delta);
    }

    /** Adds {@code delta} to a conversation's client countable (clients' counts are never kept per tenant). */
    void addClientCountable(UndoLog undo, ConversationId id, long delta) {
        clientCountable.put(undo, id, clientCountable.find(id).orElse(0L) + delta);
    }

    /** Adds {@code delta} to a reader's kept total, if it is kept ({@code create}: keeps it from now on). */
    void addToTotal(UndoLog undo, Actor reader, long delta, boolean create) {
        Long total = readTotals.find(reader).orElse(null);
        if (total != null || create) {
            readTotals.put(undo, reader, (total == null ? 0 : total) + delta);
        }
    }

    /** Adds {@code delta} to a team member's participant total. */
    void addToParticipant(UndoLog undo, String teamMemberId, long delta) {
        if (delta != 0) {
            participantTotals.put(undo, teamMemberId, participantTotals.find(teamMemberId).orElse(0L) + delta);
        }
    }

    /** Whether the team member takes part in the conversation. */
    boolean participates(ConversationId id, String teamMemberId) {
        return participants.contains(new InConversation<>(id, teamMemberId));
    }

    /** A team member's count in a conversation: its countable minus their read count. */
    long unreadIn(ConversationId id, String teamMemberId) {
        return countable.find(id).orElse(0L) - horizons.find(new Horizon(id, Actor.teamMember(teamMemberId)))
                .orElse(HorizonRow.NONE).readCount();
    }

    /** A conversation's messages, ascending by seq. */
    List<MessageRow> messagesOf(ConversationId id) {
        return inConversation(messages, id, Long.MIN_VALUE).stream().map(Map.Entry::getValue).toList();
    }

    /** A conversation's participants: member id to access, ascending by member id. */
    List<Map.Entry<InConversation<String>, Access>> participantsOf(ConversationId id) {
        return inConversation(participants, id, "");
    }

    private static <T extends Comparable<T>, V> List<Map.Entry<InConversation<T>, V>> inConversation(
            Table<InConversation<T>, V> table, ConversationId id, T lowest) {
        return table.from(new InConversation<>(id, lowest)).entrySet().stream()
                .takeWhile(e -> e.getKey().conversationId().equals(id)).toList();
    }
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ClientAccountRow;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.MessageRow;
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

    record ClientMessageKey(ConversationId conversationId, Actor author, String clientMessageId) {
    }

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
    final Table<Horizon, Long> horizons = Table.hashed();
    final Table<AnnouncementId, AnnouncementRow> announcements = Table.hashed();
    final Table<OfAnnouncement, Boolean> announcementTargets = Table.sorted(OF_ANNOUNCEMENT);
    final Table<OfAnnouncement, MessageId> announcementMessages = Table.sorted(OF_ANNOUNCEMENT);
    /** In the order they were referenced (each reference puts the row again), as a message lists them. */
    final Table<AttachmentId, AttachmentRow> attachments = Table.linked();

    private static final Comparator<OfAnnouncement> OF_ANNOUNCEMENT = Comparator
            .comparing((OfAnnouncement k) -> k.announcementId().value())
            .thenComparing(k -> k.conversationId().value());

    private static <T extends Comparable<T>> Comparator<InConversation<T>> inConversation() {
        return Comparator.comparing((InConversation<T> k) -> k.conversationId().value())
                .thenComparing(InConversation::key);
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

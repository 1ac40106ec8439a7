package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.AnnouncementChunk;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.AnnouncementRows;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.SeqTaken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Announcements of one unit of work. */
record MemoryAnnouncements(TenantData data, UndoLog undo, MemoryConversations conversations,
                           MemoryMessages messages) implements AnnouncementRows {

    @Override
    public void insert(AnnouncementRow announcement) {
        data.announcements.put(undo, announcement.id(), announcement);
    }

    @Override
    public Optional<AnnouncementRow> find(AnnouncementId id) {
        return data.announcements.find(id);
    }

    @Override
    public Optional<AnnouncementRow> lock(AnnouncementId id) {
        return find(id);   // units of work are serialised by the store's lock already
    }

    @Override
    public void update(AnnouncementRow announcement) {
        if (data.announcements.contains(announcement.id())) {
            data.announcements.put(undo, announcement.id(), announcement);
        }
    }

    @Override
    public void addTargets(AnnouncementId id, List<ConversationId> conversationIds) {
        for (ConversationId conversationId : conversationIds) {
            data.announcementTargets.put(undo, new TenantData.OfAnnouncement(id, conversationId), Boolean.TRUE);
        }
    }

    @Override
    public int addAllConversationsAsTargets(AnnouncementId id) {
        List<ConversationId> all = List.copyOf(data.conversations.all().keySet());
        addTargets(id, all);
        return all.size();
    }

    @Override
    public List<ConversationId> targets(AnnouncementId id, ConversationId after, int limit) {
        var from = new TenantData.OfAnnouncement(id, after != null ? after : new ConversationId(LOWEST));
        return data.announcementTargets.from(from).keySet().stream()
                .takeWhile(key -> key.announcementId().equals(id))
                .map(TenantData.OfAnnouncement::conversationId)
                .filter(conversationId -> !conversationId.equals(after))
                .limit(limit)
                .toList();
    }

    private static final java.util.UUID LOWEST = new java.util.UUID(Long.MIN_VALUE, Long.MIN_VALUE);

    @Override
    public List<MessageRow> deliver(AnnouncementChunk chunk) {
        MessageRow m = chunk.message();
        List<MessageRow> delivered = new ArrayList<>();
        for (int i = 0; i < chunk.conversationIds().size(); i++) {
            ConversationId conversationId = chunk.conversationIds().get(i);
            if (data.announcementMessages.contains(new TenantData.OfAnnouncement(m.announcementId(), conversationId))) {
                continue;
            }
            Optional<SeqTaken> seq = conversations.takeSeq(conversationId, chunk.at());
            if (seq.isEmpty()) {
                continue;
            }
            MessageRow copy = new MessageRow(chunk.messageIds().get(i), conversationId, seq.get().seq(), m.author(),
                    m.authorName(), m.text(), List.of(), m.highlighted(), m.announcementId(), null, seq.get().at(),
                    null, null, List.of(), false, seq.get().clientSeq());
            messages.insert(copy);
            delivered.add(copy);
        }
        return delivered;
    }

    @Override
    public int readCount(AnnouncementId id, Actor.Kind readerKind) {
        return (int) data.announcementMessages.all().entrySet().stream()
                .filter(delivered -> delivered.getKey().announcementId().equals(id))
                .map(delivered -> data.messages.find(data.messageIndex.find(delivered.getValue()).orElseThrow())
                        .orElseThrow())
                // A client's horizon is a client seq.
                .filter(message -> data.horizons.all().entrySet().stream().anyMatch(h ->
                        h.getKey().conversationId().equals(message.conversationId())
                                && h.getKey().reader().kind() == readerKind && h.getValue().seq()
                                >= (readerKind == Actor.Kind.TEAM_MEMBER ? message.seq() : message.clientSeq())))
                .count();
    }

    @Override
    public boolean deliveredToParticipant(AnnouncementId id, String teamMemberId) {
        return data.announcementMessages.all().keySet().stream().anyMatch(key -> key.announcementId().equals(id)
                && conversations.participantAccess(key.conversationId(), teamMemberId).isPresent());
    }
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationRows;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.ParticipantRow;
import io.clientportal.messaging.spi.SeqTaken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversations and participants of one unit of work. */
record MemoryConversations(TenantData data, UndoLog undo) implements ConversationRows {

    @Override
    public void insert(ConversationRow conversation) {
        if (data.conversationByAccount.contains(conversation.clientAccountId())) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.CLIENT_ACCOUNT_CONVERSATION, null);
        }
        data.conversations.put(undo, conversation.id(), conversation);
        data.conversationByAccount.put(undo, conversation.clientAccountId(), conversation.id());
    }

    @Override
    public Optional<ConversationRow> find(ConversationId id) {
        return data.conversations.find(id);
    }

    @Override
    public Optional<ConversationRow> ofAccount(String clientAccountId) {
        return data.conversationByAccount.find(clientAccountId).flatMap(this::find);
    }

    @Override
    public void rename(ConversationId id, String clientName) {
        find(id).ifPresent(c -> data.conversations.put(undo, id, new ConversationRow(id, c.clientAccountId(),
                clientName, c.lastSeq(), c.createdAt(), c.lastMessageAt(), c.assigneeId(), c.teamStatus(),
                c.teamChangedAt(), c.lastClientSeq(), c.lastClientMessageAt())));
    }

    @Override
    public void delete(ConversationId id) {
        ConversationRow removed = data.conversations.remove(undo, id);
        if (removed == null) {
            return;
        }
        data.conversationByAccount.remove(undo, removed.clientAccountId());
        for (var participant : data.participantsOf(id)) {
            String member = participant.getKey().key();
            data.addToParticipant(undo, member, -data.unreadIn(id, member));
        }
        data.addCountable(undo, id, -data.countable.find(id).orElse(0L));
        data.countable.remove(undo, id);
        data.clientCountable.remove(undo, id);
        data.horizons.all().entrySet().stream().filter(h -> h.getKey().conversationId().equals(id)).toList()
                .forEach(h -> data.addToTotal(undo, h.getKey().reader(), -h.getValue().readCount(), false));
        data.messages.removeIf(undo, (key, message) -> key.conversationId().equals(id));
        data.messageIndex.removeIf(undo, (messageId, key) -> key.conversationId().equals(id));
        data.clientMessageIds.removeIf(undo, (key, messageId) -> key.conversationId().equals(id));
        data.participants.removeIf(undo, (key, access) -> key.conversationId().equals(id));
        data.horizons.removeIf(undo, (key, seq) -> key.conversationId().equals(id));
        data.announcementTargets.removeIf(undo, (key, target) -> key.conversationId().equals(id));
        data.announcementMessages.removeIf(undo, (key, messageId) -> key.conversationId().equals(id));
    }

    @Override
    public Optional<SeqTaken> takeSeq(ConversationId id, Instant at) {
        return takeSeq(id, at, false);
    }

    @Override
    public Optional<SeqTaken> takeSeq(ConversationId id, Instant at, boolean internal) {
        return find(id).map(c -> {
            Instant later = c.lastMessageAt() != null && c.lastMessageAt().isAfter(at) ? c.lastMessageAt() : at;
            long clientSeq = internal ? c.lastClientSeq() : c.lastClientSeq() + 1;
            data.conversations.put(undo, id, new ConversationRow(id, c.clientAccountId(), c.clientName(),
                    c.lastSeq() + 1, c.createdAt(), later, c.assigneeId(), c.teamStatus(), c.teamChangedAt(),
                    clientSeq, internal ? c.lastClientMessageAt() : later));
            data.addCountable(undo, id, 1);
            for (var participant : data.participantsOf(id)) {
                data.addToParticipant(undo, participant.getKey().key(), 1);
            }
            if (!internal) {
                data.addClientCountable(undo, id, 1);
            }
            return new SeqTaken(c.lastSeq() + 1, later, clientSeq);
        });
    }

    @Override
    public void setAssignee(ConversationId id, String assigneeId, Instant changedAt) {
        find(id).ifPresent(c -> data.conversations.put(undo, id,
                c.withTeamState(assigneeId, c.teamStatus(), changedAt)));
    }

    @Override
    public void setTeamStatus(ConversationId id, ConversationStatus status, Instant changedAt) {
        find(id).ifPresent(c -> data.conversations.put(undo, id, c.withTeamState(c.assigneeId(), status, changedAt)));
    }

    @Override
    public List<ConversationId> unassignEverywhere(String teamMemberId, Instant at) {
        List<ConversationId> changed = new ArrayList<>();
        for (ConversationRow c : List.copyOf(data.conversations.all().values())) {
            if (teamMemberId.equals(c.assigneeId())) {
                data.conversations.put(undo, c.id(), c.withTeamState(null, c.teamStatus(), at));
                changed.add(c.id());
            }
        }
        return changed;
    }

    @Override
    public Optional<Access> participantAccess(ConversationId id, String teamMemberId) {
        return data.participants.find(new TenantData.InConversation<>(id, teamMemberId));
    }

    @Override
    public List<ParticipantRow> participants(ConversationId id) {
        List<ParticipantRow> participants = new ArrayList<>();
        for (Map.Entry<TenantData.InConversation<String>, Access> entry : data.participantsOf(id)) {
            data.teamMembers.find(entry.getKey().key())
                    .ifPresent(member -> participants.add(new ParticipantRow(member, entry.getValue())));
        }
        return participants;
    }

    @Override
    public void saveParticipant(ConversationId id, String teamMemberId, Access access) {
        if (data.conversations.contains(id)) {
            if (!data.participates(id, teamMemberId)) {
                data.addToParticipant(undo, teamMemberId, data.unreadIn(id, teamMemberId));
            }
            data.participants.put(undo, new TenantData.InConversation<>(id, teamMemberId), access);
        }
    }

    @Override
    public boolean deleteParticipant(ConversationId id, String teamMemberId) {
        if (!data.participates(id, teamMemberId)) {
            return false;
        }
        data.addToParticipant(undo, teamMemberId, -data.unreadIn(id, teamMemberId));
        return data.participants.remove(undo, new TenantData.InConversation<>(id, teamMemberId)) != null;
    }

    @Override
    public List<ConversationId> deleteParticipations(String teamMemberId) {
        List<ConversationId> left = data.participants.removeIf(undo, (key, access) -> key.key().equals(teamMemberId))
                .stream().map(TenantData.InConversation::conversationId).toList();
        for (ConversationId id : left) {
            data.addToParticipant(undo, teamMemberId, -data.unreadIn(id, teamMemberId));
        }
        return left;
    }

    @Override
    public List<ConversationId> setAccessEverywhere(String teamMemberId, Access access) {
        List<ConversationId> changed = new ArrayList<>();
        for (var entry : data.participants.snapshot()) {
            if (entry.getKey().key().equals(teamMemberId) && entry.getValue() != access) {
                data.participants.put(undo, entry.getKey(), access);
                changed.add(entry.getKey().conversationId());
            }
        }
        return changed;
    }
}

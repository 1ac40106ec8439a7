package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.MentionRows;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unread mentions of one unit of work: one row per (member, conversation, seq), member first. */
record MemoryMentions(TenantData data, UndoLog undo) implements MentionRows {

    @Override
    public void insert(ConversationId id, long seq, Collection<String> teamMemberIds) {
        for (String member : teamMemberIds) {
            data.mentions.put(undo, new TenantData.Mention(member, id, seq), Boolean.TRUE);
        }
    }

    @Override
    public void markRead(ConversationId id, String teamMemberId, long seq) {
        data.mentions.removeIf(undo, (key, unread) -> key.teamMemberId().equals(teamMemberId)
                && key.conversationId().equals(id) && key.seq() <= seq);
    }

    @Override
    public void deleteOfMessage(ConversationId id, long seq) {
        data.mentions.removeIf(undo, (key, unread) -> key.conversationId().equals(id) && key.seq() == seq);
    }

    @Override
    public void deleteOfMember(ConversationId id, String teamMemberId) {
        data.mentions.removeIf(undo, (key, unread) -> key.teamMemberId().equals(teamMemberId)
                && key.conversationId().equals(id));
    }

    @Override
    public void deleteOfMember(String teamMemberId) {
        data.mentions.removeIf(undo, (key, unread) -> key.teamMemberId().equals(teamMemberId));
    }

    @Override
    public void deleteOfConversation(ConversationId id) {
        data.mentions.removeIf(undo, (key, unread) -> key.conversationId().equals(id));
    }

    @Override
    public Map<ConversationId, Long> unread(String teamMemberId) {
        Map<ConversationId, Long> counts = new LinkedHashMap<>();
        data.mentions.from(new TenantData.Mention(teamMemberId, null, Long.MIN_VALUE)).keySet().stream()
                .takeWhile(key -> key.teamMemberId().equals(teamMemberId))
                .forEach(key -> counts.merge(key.conversationId(), 1L, Long::sum));
        return counts;
    }
}

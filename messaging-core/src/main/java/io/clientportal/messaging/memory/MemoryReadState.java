package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageFilter;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ReadStateRows;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Read horizons, counts and inbox pages of one unit of work. */
record MemoryReadState(TenantData data, UndoLog undo, MemoryMessages messages) implements ReadStateRows {

    private static final Comparator<ConversationRow> NEWEST_FIRST = Comparator
            .comparing(ConversationRow::activityAt)
            .thenComparing(c -> c.id().value())
            .reversed();

    @Override
    public boolean advanceHorizon(ConversationId id, Actor reader, long seq) {
        var key = new TenantData.Horizon(id, reader);
        if (!data.conversations.contains(id) || data.horizons.find(key).orElse(0L) >= seq) {
            return false;
        }
        data.horizons.put(undo, key, seq);
        return true;
    }

    @Override
    public long count(Actor reader, ConversationScope scope, MessageFilter filter) {
        return inScope(scope).mapToLong(c -> count(c.id(), reader, filter)).sum();
    }

    private long count(ConversationId id, Actor reader, MessageFilter filter) {
        long horizon = data.horizons.find(new TenantData.Horizon(id, reader)).orElse(0L);
        return data.messagesOf(id).stream()
                .filter(m -> m.seq() > horizon)
                .filter(m -> !(filter.excludeDeleted() && m.deleted()))
                .filter(m -> !(filter.excludeOwn() && m.author().equals(reader)))
                .count();
    }

    private Stream<ConversationRow> inScope(ConversationScope scope) {
        if (scope.conversationId() != null) {
            return data.conversations.find(scope.conversationId()).stream();
        }
        Stream<ConversationRow> all = data.conversations.all().values().stream();
        return scope.participantId() == null ? all : all.filter(c -> data.participants.contains(
                new TenantData.InConversation<>(c.id(), scope.participantId())));
    }

    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        Actor reader = request.reader();
        return inScope(request.scope())
                .filter(c -> request.afterActivity() == null || NEWEST_FIRST.compare(c, new ConversationRow(
                        request.afterConversation(), "", "", 0, request.afterActivity(), null)) > 0)
                .sorted(NEWEST_FIRST)
                .map(c -> new InboxRow(c, lastMessage(c), count(c.id(), reader, request.counted()),
                        reader.isTeamMember() ? data.participants.find(
                                new TenantData.InConversation<>(c.id(), reader.id())).orElse(null) : null))
                .filter(row -> !request.onlyCounted() || row.count() > 0)
                .limit(request.limit())
                .toList();
    }

    private MessageRow lastMessage(ConversationRow c) {
        return c.lastSeq() == 0 ? null : data.messages.find(new TenantData.InConversation<>(c.id(), c.lastSeq()))
                .map(messages::withAttachments).orElse(null);
    }
}

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

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Read horizons, the counts kept beside them, and counts and inbox pages of one unit of work. (Units are serialised
 * by the store's lock: no conversation needs locking here.)
 */
record MemoryReadState(TenantData data, UndoLog undo, MemoryMessages messages) implements ReadStateRows {

    private static final Comparator<ConversationRow> NEWEST_FIRST = Comparator
            .comparing(ConversationRow::activityAt)
            .thenComparing(c -> c.id().value())
            .reversed();

    @Override
    public boolean advanceHorizon(ConversationId id, Actor reader, long seq, boolean keepTotal) {
        var key = new TenantData.Horizon(id, reader);
        ConversationRow conversation = data.conversations.find(id).orElse(null);
        TenantData.HorizonRow old = data.horizons.find(key).orElse(TenantData.HorizonRow.NONE);
        if (conversation == null || old.seq() >= seq) {
            return false;
        }
        // At the last seq, everything countable is read; else what was newly read, the reader's own being counted.
        long readCount = seq >= conversation.lastSeq() ? countable(id) : old.readCount() + data.messagesOf(id)
                .stream()
                .filter(m -> m.seq() > old.seq() && m.seq() <= seq && !m.deleted() && !m.author().equals(reader))
                .count();
        data.horizons.put(undo, key, new TenantData.HorizonRow(seq, readCount));
        data.addToTotal(undo, reader, readCount - old.readCount(), keepTotal);
        return true;
    }

    @Override
    public void uncount(ConversationId id, long seq, Actor author) {
        data.addCountable(undo, id, -1);
        for (var horizon : data.horizons.snapshot()) {
            TenantData.HorizonRow row = horizon.getValue();
            Actor reader = horizon.getKey().reader();
            if (horizon.getKey().conversationId().equals(id) && (row.seq() >= seq || reader.equals(author))) {
                data.horizons.put(undo, horizon.getKey(), new TenantData.HorizonRow(row.seq(), row.readCount() - 1));
                data.addToTotal(undo, reader, -1, false);
            }
        }
    }

    @Override
    public void countOwn(Actor author, Collection<ConversationId> ids, boolean keepTotal) {
        for (ConversationId id : ids) {
            var key = new TenantData.Horizon(id, author);
            TenantData.HorizonRow old = data.horizons.find(key).orElse(TenantData.HorizonRow.NONE);
            data.horizons.put(undo, key, new TenantData.HorizonRow(old.seq(), old.readCount() + 1));
        }
        if (!ids.isEmpty()) {
            data.addToTotal(undo, author, ids.size(), keepTotal);
        }
    }

    @Override
    public long count(Actor reader, ConversationScope scope, MessageFilter filter) {
        MessageFilter.requireKept(filter);
        if (scope.isAll()) {
            return data.tenantCountable.find(TenantData.TENANT).orElse(0L)
                    - data.readTotals.find(reader).orElse(0L);
        }
        return inScope(scope).mapToLong(c -> count(c.id(), reader)).sum();
    }

    private long count(ConversationId id, Actor reader) {
        return countable(id) - data.horizons.find(new TenantData.Horizon(id, reader))
                .orElse(TenantData.HorizonRow.NONE).readCount();
    }

    private long countable(ConversationId id) {
        return data.countable.find(id).orElse(0L);
    }

    private Stream<ConversationRow> inScope(ConversationScope scope) {
        if (scope.conversationId() != null) {
            return data.conversations.find(scope.conversationId()).stream();
        }
        Stream<ConversationRow> all = data.conversations.all().values().stream();
        return scope.participantId() == null ? all : all.filter(c -> data.participants.contains(
                new TenantData.InConversation<>(c.id(), scope.participantId())));
    }

    /** Whether the conversation passes the request's team filters (assignee, team status). */
    private static boolean passesTeamFilters(ConversationRow c, InboxRequest request) {
        return (request.assigneeId() == null || request.assigneeId().equals(c.assigneeId()))
                && (!request.onlyUnassigned() || c.assigneeId() == null)
                && (request.status() == null || request.status() == c.teamStatus());
    }

    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        MessageFilter.requireKept(request.counted());
        Actor reader = request.reader();
        return inScope(request.scope())
                .filter(c -> passesTeamFilters(c, request))
                .filter(c -> request.afterActivity() == null || NEWEST_FIRST.compare(c, new ConversationRow(
                        request.afterConversation(), "", "", 0, request.afterActivity(), null)) > 0)
                .sorted(NEWEST_FIRST)
                .map(c -> new InboxRow(c, lastMessage(c), count(c.id(), reader),
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

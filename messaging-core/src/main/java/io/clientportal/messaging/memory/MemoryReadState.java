package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageFilter;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ReadHorizonRow;
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
        // A client reads in the clients' view: client seqs, over the messages that are not internal.
        boolean client = !reader.isTeamMember();
        long last = client ? conversation.lastClientSeq() : conversation.lastSeq();
        long readCount = seq >= last ? countable(id, client) : old.readCount() + data.messagesOf(id)
                .stream()
                .filter(m -> !client || !m.internal())
                .filter(m -> position(m, client) > old.seq() && position(m, client) <= seq && !m.deleted()
                        && !m.author().equals(reader))
                .count();
        data.horizons.put(undo, key, new TenantData.HorizonRow(seq, readCount));
        data.addToTotal(undo, reader, readCount - old.readCount(), keepTotal);
        return true;
    }

    private static long position(MessageRow message, boolean client) {
        return client ? message.clientSeq() : message.seq();
    }

    @Override
    public void uncount(ConversationId id, long seq, Actor author) {
        data.messages.find(new TenantData.InConversation<>(id, seq)).ifPresent(this::uncount);
    }

    @Override
    public void uncount(MessageRow message) {
        ConversationId id = message.conversationId();
        data.addCountable(undo, id, -1);
        if (!message.internal()) {
            data.addClientCountable(undo, id, -1);
        }
        for (var horizon : data.horizons.snapshot()) {
            TenantData.HorizonRow row = horizon.getValue();
            Actor reader = horizon.getKey().reader();
            boolean client = !reader.isTeamMember();
            if (horizon.getKey().conversationId().equals(id) && (!client || !message.internal())
                    && (row.seq() >= position(message, client) || reader.equals(message.author()))) {
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
        return inScope(scope).mapToLong(c -> count(c.id(), reader, filter)).sum();
    }

    private long count(ConversationId id, Actor reader, MessageFilter filter) {
        return countable(id, filter.excludeInternal()) - data.horizons.find(new TenantData.Horizon(id, reader))
                .orElse(TenantData.HorizonRow.NONE).readCount();
    }

    private long countable(ConversationId id, boolean client) {
        return (client ? data.clientCountable : data.countable).find(id).orElse(0L);
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
    public List<ReadHorizonRow> horizons(ConversationId id) {
        List<MessageRow> timeline = data.messagesOf(id);
        List<MessageRow> visible = timeline.stream().filter(m -> !m.internal()).toList();
        return data.horizons.all().entrySet().stream()
                .filter(h -> h.getKey().conversationId().equals(id) && h.getValue().seq() > 0)
                .map(h -> {
                    Actor reader = h.getKey().reader();
                    long seq = h.getValue().seq();
                    // Seqs and clientSeqs run 1, 2, ... over the timeline and over its visible messages.
                    return reader.isTeamMember()
                            ? new ReadHorizonRow(reader, seq, timeline.get((int) seq - 1).clientSeq())
                            : new ReadHorizonRow(reader, visible.get((int) seq - 1).seq(), seq);
                })
                .toList();
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
                .map(c -> new InboxRow(c, lastMessage(c, request.counted().excludeInternal()),
                        count(c.id(), reader, request.counted()),
                        reader.isTeamMember() ? data.participants.find(
                                new TenantData.InConversation<>(c.id(), reader.id())).orElse(null) : null))
                .filter(row -> !request.onlyCounted() || row.count() > 0)
                .limit(request.limit())
                .toList();
    }

    private MessageRow lastMessage(ConversationRow c, boolean client) {
        if (client) {
            List<MessageRow> last = messages.page(c.id(), null, null, 1, true);
            return last.isEmpty() ? null : last.get(0);
        }
        return c.lastSeq() == 0 ? null : data.messages.find(new TenantData.InConversation<>(c.id(), c.lastSeq()))
                .map(messages::withAttachments).orElse(null);
    }
}

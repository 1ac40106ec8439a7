package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.MessageRows;
import io.clientportal.messaging.spi.SearchRequest;
import io.clientportal.messaging.spi.SearchWords;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Messages of one unit of work. */
record MemoryMessages(TenantData data, UndoLog undo) implements MessageRows {

    @Override
    public void insert(MessageRow message) {
        if (message.clientMessageId() != null) {
            var key = new TenantData.ClientMessageKey(message.conversationId(), message.author(),
                    message.clientMessageId());
            if (data.clientMessageIds.contains(key)) {
                throw new DuplicateKeyException(DuplicateKeyException.Key.CLIENT_MESSAGE_ID, null);
            }
            data.clientMessageIds.put(undo, key, message.id());
        }
        var key = new TenantData.InConversation<>(message.conversationId(), message.seq());
        data.messages.put(undo, key, message.withAttachments(List.of()));
        data.messageIndex.put(undo, message.id(), key);
        if (message.announcementId() != null) {
            data.announcementMessages.put(undo, new TenantData.OfAnnouncement(message.announcementId(),
                    message.conversationId()), message.id());
        }
    }

    @Override
    public Optional<MessageRow> find(MessageId id) {
        return data.messageIndex.find(id).flatMap(data.messages::find).map(this::withAttachments);
    }

    @Override
    public Optional<MessageRow> byClientMessageId(ConversationId id, Actor author, String clientMessageId) {
        return data.clientMessageIds.find(new TenantData.ClientMessageKey(id, author, clientMessageId))
                .flatMap(this::find);
    }

    @Override
    public Optional<MessageRow> ofAnnouncement(AnnouncementId announcementId, ConversationId conversationId) {
        return data.announcementMessages.find(new TenantData.OfAnnouncement(announcementId, conversationId))
                .flatMap(this::find);
    }

    @Override
    public List<MessageRow> page(ConversationId id, Long beforeSeq, Long afterSeq, int limit) {
        return page(id, beforeSeq, afterSeq, limit, false);
    }

    /** In the clients' view the messages that are not internal, whose clientSeqs run 1, 2, ... as seqs do. */
    @Override
    public List<MessageRow> page(ConversationId id, Long beforeSeq, Long afterSeq, int limit, boolean clientView) {
        List<MessageRow> all = clientView ? data.messagesOf(id).stream().filter(m -> !m.internal()).toList()
                : data.messagesOf(id);
        int from;
        int to;
        if (afterSeq != null) {
            from = (int) Math.min(afterSeq, all.size());
            to = Math.min(all.size(), from + limit);
        } else {
            to = beforeSeq == null ? all.size() : (int) Math.min(Math.max(beforeSeq - 1, 0), all.size());
            from = Math.max(0, to - limit);
        }
        return all.subList(from, to).stream().map(this::withAttachments).toList();
    }

    @Override
    public boolean updateText(MessageId id, String text, Instant editedAt) {
        return rewrite(id, m -> m.deleted() ? null : m.rewritten(text, editedAt, null));
    }

    @Override
    public void markDeleted(MessageId id, Instant deletedAt) {
        rewrite(id, m -> m.rewritten("", m.editedAt(), deletedAt));
    }

    /**
     * Scans the scope's messages with the words of {@link SearchWords}, as the JPA store's index holds them; notes
     * only when the request includes them.
     */
    @Override
    public List<MessageRow> search(SearchRequest request) {
        Comparator<MessageRow> newestFirst = Comparator.comparing(MessageRow::createdAt)
                .thenComparing(m -> m.id().value()).reversed();
        MessageRow cursor = request.beforeCreatedAt() == null ? null : new MessageRow(request.beforeMessage(),
                new ConversationId(request.beforeMessage().value()), 0, Actor.teamMember("cursor"), "", "", List.of(),
                false, null, null, request.beforeCreatedAt(), null, null);
        return data.messages.all().values().stream()
                .filter(m -> !m.deleted() && inScope(m.conversationId(), request))
                .filter(m -> request.includeInternal() || !m.internal())
                .filter(m -> cursor == null || newestFirst.compare(m, cursor) > 0)
                .filter(m -> SearchWords.matches(SearchWords.of(m.text()), request.terms()))
                .sorted(newestFirst)
                .limit(request.limit())
                .map(this::withAttachments)
                .toList();
    }

    private boolean inScope(ConversationId id, SearchRequest request) {
        var scope = request.scope();
        if (scope.conversationId() != null) {
            return scope.conversationId().equals(id);
        }
        return scope.participantId() == null
                || data.participants.contains(new TenantData.InConversation<>(id, scope.participantId()));
    }

    private boolean rewrite(MessageId id, java.util.function.UnaryOperator<MessageRow> change) {
        var key = data.messageIndex.find(id).orElse(null);
        MessageRow changed = key == null ? null : change.apply(data.messages.find(key).orElseThrow());
        if (changed == null) {
            return false;
        }
        data.messages.put(undo, key, changed);
        return true;
    }

    /** The row with the attachments that reference it (its announcement's for an announcement's message). */
    MessageRow withAttachments(MessageRow message) {
        return message.withAttachments(data.attachments.all().values().stream()
                .filter(row -> message.id().equals(row.messageId()) || (message.announcementId() != null
                        && row.messageId() == null && message.announcementId().equals(row.announcementId())))
                .toList());
    }
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.memory.TenantData.ClientMessageKey;
import io.clientportal.messaging.memory.TenantData.ConversationState;
import io.clientportal.messaging.memory.TenantData.MessageRef;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.AnnouncementChunk;
import io.clientportal.messaging.spi.AnnouncementRecord;
import io.clientportal.messaging.spi.AttachmentRecord;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.NewEvent;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A unit of work over one tenant's in-memory data; every change is recorded in the undo log. */
final class InMemoryTransaction implements StoreTransaction {

    private static final Comparator<Conversation> BY_ACTIVITY_DESC = Comparator
            .comparing(InMemoryTransaction::activity)
            .thenComparing(c -> c.id().value())
            .reversed();

    private final String tenantId;
    private final TenantData data;
    private final InMemoryMessagingStore store;
    private final UndoLog undo;

    InMemoryTransaction(String tenantId, TenantData data, InMemoryMessagingStore store, UndoLog undo) {
        this.tenantId = tenantId;
        this.data = data;
        this.store = store;
        this.undo = undo;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    // --- undo-logged primitives ------------------------------------------------------------------------------

    private <K, V> void put(Map<K, V> map, K key, V value) {
        V old = map.put(key, value);
        undo.push(() -> {
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
        });
    }

    private <K, V> V remove(Map<K, V> map, K key) {
        V old = map.remove(key);
        if (old != null) {
            undo.push(() -> map.put(key, old));
        }
        return old;
    }

    private void setConversation(ConversationState state, Conversation conversation) {
        Conversation old = state.conversation;
        state.conversation = conversation;
        undo.push(() -> state.conversation = old);
    }

    private void setMessage(ConversationState state, Message message) {
        int index = (int) message.seq() - 1;
        Message old = state.messages.set(index, message);
        undo.push(() -> state.messages.set(index, old));
    }

    // --- directory -------------------------------------------------------------------------------------------

    @Override
    public Optional<TeamMember> teamMember(String id) {
        return Optional.ofNullable(data.teamMembers.get(id));
    }

    @Override
    public void saveTeamMember(TeamMember member) {
        put(data.teamMembers, member.id(), member);
    }

    @Override
    public void deleteTeamMember(String id) {
        remove(data.teamMembers, id);
    }

    @Override
    public Optional<ClientAccount> clientAccount(String id) {
        return Optional.ofNullable(data.accounts.get(id));
    }

    @Override
    public void saveClientAccount(ClientAccount account) {
        put(data.accounts, account.id(), account);
        ConversationId id = data.conversationByAccount.get(account.id());
        if (id != null) {
            ConversationState state = data.conversations.get(id);
            Conversation c = state.conversation;
            setConversation(state, new Conversation(c.id(), c.clientAccountId(), account.name(), c.lastSeq(),
                    c.createdAt(), c.lastMessageAt()));
        }
    }

    @Override
    public void deleteClientAccount(String id) {
        remove(data.accounts, id);
    }

    @Override
    public Optional<ClientUser> clientUser(String id) {
        return Optional.ofNullable(data.clientUsers.get(id));
    }

    @Override
    public List<ClientUser> clientUsers(String accountId) {
        return data.clientUsers.values().stream()
                .filter(user -> user.accountId().equals(accountId))
                .sorted(Comparator.comparing(ClientUser::id))
                .toList();
    }

    @Override
    public void saveClientUser(ClientUser user) {
        put(data.clientUsers, user.id(), user);
    }

    @Override
    public void deleteClientUser(String id) {
        remove(data.clientUsers, id);
    }

    // --- conversations and participants ----------------------------------------------------------------------

    @Override
    public void insertConversation(Conversation conversation) {
        if (data.conversationByAccount.containsKey(conversation.clientAccountId())) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.CLIENT_ACCOUNT_CONVERSATION, null);
        }
        put(data.conversations, conversation.id(), new ConversationState(conversation));
        put(data.conversationByAccount, conversation.clientAccountId(), conversation.id());
    }

    @Override
    public Optional<Conversation> conversation(ConversationId id) {
        ConversationState state = data.conversations.get(id);
        return state == null ? Optional.empty() : Optional.of(state.conversation);
    }

    @Override
    public Optional<Conversation> conversationOfAccount(String clientAccountId) {
        ConversationId id = data.conversationByAccount.get(clientAccountId);
        return id == null ? Optional.empty() : conversation(id);
    }

    @Override
    public List<AttachmentRecord> deleteConversation(ConversationId id) {
        ConversationState state = remove(data.conversations, id);
        if (state == null) {
            return List.of();
        }
        remove(data.conversationByAccount, state.conversation.clientAccountId());
        for (Message message : state.messages) {
            remove(data.messageRefs, message.id());
            if (message.clientMessageId() != null) {
                remove(data.clientMessageIds, new ClientMessageKey(id, message.author(), message.clientMessageId()));
            }
        }
        for (Map.Entry<AnnouncementId, java.util.TreeSet<ConversationId>> targets
                : data.announcementTargets.entrySet()) {
            if (targets.getValue().remove(id)) {
                TreeSet<ConversationId> set = targets.getValue();
                undo.push(() -> set.add(id));
            }
        }
        List<AttachmentRecord> deleted = new ArrayList<>();
        for (AttachmentRecord record : List.copyOf(data.attachments.values())) {
            if (id.equals(record.conversationId())) {
                deleted.add(remove(data.attachments, record.attachment().id()));
            }
        }
        return deleted;
    }

    @Override
    public Optional<Access> participantAccess(ConversationId id, String teamMemberId) {
        ConversationState state = data.conversations.get(id);
        return state == null ? Optional.empty() : Optional.ofNullable(state.participants.get(teamMemberId));
    }

    @Override
    public List<Participant> participants(ConversationId id) {
        ConversationState state = data.conversations.get(id);
        if (state == null) {
            return List.of();
        }
        List<Participant> participants = new ArrayList<>();
        state.participants.forEach((memberId, access) -> {
            TeamMember member = data.teamMembers.get(memberId);
            if (member != null) {
                participants.add(new Participant(memberId, member.displayName(), member.role(), access));
            }
        });
        participants.sort(Comparator.comparing(Participant::displayName).thenComparing(Participant::teamMemberId));
        return participants;
    }

    @Override
    public void saveParticipant(ConversationId id, String teamMemberId, Access access) {
        ConversationState state = data.conversations.get(id);
        if (state != null) {
            put(state.participants, teamMemberId, access);
        }
    }

    @Override
    public boolean deleteParticipant(ConversationId id, String teamMemberId) {
        ConversationState state = data.conversations.get(id);
        return state != null && remove(state.participants, teamMemberId) != null;
    }

    @Override
    public List<ConversationId> deleteParticipations(String teamMemberId) {
        List<ConversationId> left = new ArrayList<>();
        for (ConversationState state : data.conversations.values()) {
            if (remove(state.participants, teamMemberId) != null) {
                left.add(state.conversation.id());
            }
        }
        return left;
    }

    @Override
    public List<ConversationId> setAccessEverywhere(String teamMemberId, Access access) {
        List<ConversationId> changed = new ArrayList<>();
        for (ConversationState state : data.conversations.values()) {
            Access current = state.participants.get(teamMemberId);
            if (current != null && current != access) {
                put(state.participants, teamMemberId, access);
                changed.add(state.conversation.id());
            }
        }
        return changed;
    }

    // --- messages --------------------------------------------------------------------------------------------

    @Override
    public long nextSeq(ConversationId id, Instant at) {
        ConversationState state = data.conversations.get(id);
        if (state == null) {
            return -1;
        }
        Conversation c = state.conversation;
        long seq = c.lastSeq() + 1;
        Instant later = c.lastMessageAt() != null && c.lastMessageAt().isAfter(at) ? c.lastMessageAt() : at;
        setConversation(state, new Conversation(c.id(), c.clientAccountId(), c.clientName(), seq, c.createdAt(),
                later));
        return seq;
    }

    @Override
    public void insertMessage(Message message) {
        ConversationState state = data.conversations.get(message.conversationId());
        if (message.clientMessageId() != null) {
            ClientMessageKey key = new ClientMessageKey(message.conversationId(), message.author(),
                    message.clientMessageId());
            if (data.clientMessageIds.containsKey(key)) {
                throw new DuplicateKeyException(DuplicateKeyException.Key.CLIENT_MESSAGE_ID, null);
            }
            put(data.clientMessageIds, key, message.id());
        }
        if (state.messages.size() != message.seq() - 1) {
            throw new IllegalStateException("seq " + message.seq() + " was not taken with nextSeq");
        }
        state.messages.add(message);
        undo.push(() -> state.messages.remove(state.messages.size() - 1));
        put(data.messageRefs, message.id(), new MessageRef(message.conversationId(), message.seq()));
    }

    @Override
    public Optional<Message> message(MessageId id) {
        MessageRef ref = data.messageRefs.get(id);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(data.conversations.get(ref.conversationId()).messages.get((int) ref.seq() - 1));
    }

    @Override
    public Optional<Message> messageByClientMessageId(ConversationId id, Actor author, String clientMessageId) {
        MessageId messageId = data.clientMessageIds.get(new ClientMessageKey(id, author, clientMessageId));
        return messageId == null ? Optional.empty() : message(messageId);
    }

    @Override
    public List<Message> history(ConversationId id, Long beforeSeq, Long afterSeq, int limit) {
        ConversationState state = data.conversations.get(id);
        if (state == null) {
            return List.of();
        }
        List<Message> all = state.messages;
        int from;
        int to;
        if (afterSeq != null) {
            from = (int) Math.min(afterSeq, all.size());
            to = Math.min(all.size(), from + limit);
        } else {
            to = beforeSeq == null ? all.size() : (int) Math.min(Math.max(beforeSeq - 1, 0), all.size());
            from = Math.max(0, to - limit);
        }
        return List.copyOf(all.subList(from, to));
    }

    @Override
    public void updateMessageText(MessageId id, String text, Instant editedAt) {
        message(id).filter(m -> !m.deleted()).ifPresent(m -> setMessage(data.conversations.get(m.conversationId()),
                new Message(m.id(), m.conversationId(), m.seq(), m.author(), m.authorName(), text, m.attachments(),
                        m.highlighted(), m.announcementId(), m.clientMessageId(), m.createdAt(), editedAt,
                        m.deleted())));
    }

    @Override
    public void markMessageDeleted(MessageId id, Instant deletedAt) {
        message(id).ifPresent(m -> setMessage(data.conversations.get(m.conversationId()),
                new Message(m.id(), m.conversationId(), m.seq(), m.author(), m.authorName(), "", List.of(),
                        m.highlighted(), m.announcementId(), m.clientMessageId(), m.createdAt(), m.editedAt(),
                        true)));
    }

    // --- read state ------------------------------------------------------------------------------------------

    @Override
    public long readHorizon(ConversationId id, Actor reader) {
        ConversationState state = data.conversations.get(id);
        return state == null ? 0 : state.horizons.getOrDefault(reader, 0L);
    }

    @Override
    public boolean advanceReadHorizon(ConversationId id, Actor reader, long seq) {
        ConversationState state = data.conversations.get(id);
        if (state == null || state.horizons.getOrDefault(reader, 0L) >= seq) {
            return false;
        }
        put(state.horizons, reader, seq);
        return true;
    }

    @Override
    public long unreadCount(ConversationId id, Actor reader) {
        ConversationState state = data.conversations.get(id);
        return state == null ? 0 : unread(state, reader);
    }

    private static long unread(ConversationState state, Actor reader) {
        long horizon = state.horizons.getOrDefault(reader, 0L);
        long count = 0;
        for (int i = (int) horizon; i < state.messages.size(); i++) {
            Message message = state.messages.get(i);
            if (!message.deleted() && !message.author().equals(reader)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public long unreadTotal(Actor reader, ConversationScope scope) {
        return inScope(scope).mapToLong(state -> unread(state, reader)).sum();
    }

    private Stream<ConversationState> inScope(ConversationScope scope) {
        if (scope.conversationId() != null) {
            return Stream.ofNullable(data.conversations.get(scope.conversationId()));
        }
        Stream<ConversationState> all = data.conversations.values().stream();
        return scope.participantId() == null ? all
                : all.filter(state -> state.participants.containsKey(scope.participantId()));
    }

    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        Conversation after = request.afterActivity() == null ? null
                : new Conversation(request.afterConversation(), "", "", 0, request.afterActivity(),
                request.afterActivity());
        return inScope(request.scope())
                .filter(state -> after == null || BY_ACTIVITY_DESC.compare(state.conversation, after) > 0)
                .map(state -> new InboxRow(state.conversation,
                        state.messages.isEmpty() ? null : state.messages.get(state.messages.size() - 1),
                        unread(state, request.reader()),
                        request.reader().isTeamMember() ? state.participants.get(request.reader().id()) : null))
                .filter(row -> !request.unreadOnly() || row.unreadCount() > 0)
                .sorted(Comparator.comparing(InboxRow::conversation, BY_ACTIVITY_DESC))
                .limit(request.limit())
                .toList();
    }

    private static Instant activity(Conversation conversation) {
        return conversation.lastMessageAt() != null ? conversation.lastMessageAt() : conversation.createdAt();
    }

    // --- announcements ---------------------------------------------------------------------------------------

    @Override
    public void insertAnnouncement(AnnouncementRecord announcement) {
        put(data.announcements, announcement.id(), announcement);
        put(data.announcementTargets, announcement.id(), new TreeSet<>(Comparator.comparing(ConversationId::value)));
    }

    @Override
    public Optional<AnnouncementRecord> announcement(AnnouncementId id) {
        return Optional.ofNullable(data.announcements.get(id));
    }

    @Override
    public Optional<AnnouncementRecord> lockAnnouncement(AnnouncementId id) {
        return announcement(id);   // units of work are serialised by the store's lock already
    }

    @Override
    public void addAnnouncementTargets(AnnouncementId id, List<ConversationId> conversationIds) {
        TreeSet<ConversationId> targets = data.announcementTargets.get(id);
        for (ConversationId conversationId : conversationIds) {
            if (targets.add(conversationId)) {
                undo.push(() -> targets.remove(conversationId));
            }
        }
    }

    @Override
    public int addAllConversationsAsTargets(AnnouncementId id) {
        List<ConversationId> all = List.copyOf(data.conversations.keySet());
        addAnnouncementTargets(id, all);
        return all.size();
    }

    @Override
    public List<ConversationId> announcementTargets(AnnouncementId id, ConversationId after, int limit) {
        TreeSet<ConversationId> targets = data.announcementTargets.getOrDefault(id, new TreeSet<>(
                Comparator.comparing(ConversationId::value)));
        return (after == null ? targets : targets.tailSet(after, false)).stream().limit(limit).toList();
    }

    @Override
    public void updateAnnouncementProgress(AnnouncementRecord announcement) {
        put(data.announcements, announcement.id(), announcement);
    }

    @Override
    public List<Message> deliverAnnouncementChunk(AnnouncementChunk chunk) {
        AnnouncementRecord announcement = chunk.announcement();
        List<Message> delivered = new ArrayList<>();
        for (int i = 0; i < chunk.conversationIds().size(); i++) {
            ConversationId conversationId = chunk.conversationIds().get(i);
            ConversationState state = data.conversations.get(conversationId);
            if (state == null || state.announcementMessages.containsKey(announcement.id())) {
                continue;
            }
            long seq = nextSeq(conversationId, chunk.at());
            Message message = new Message(chunk.messageIds().get(i), conversationId, seq, announcement.author(),
                    announcement.authorName(), announcement.text(), announcement.attachments(),
                    announcement.highlighted(), announcement.id(), null, state.conversation.lastMessageAt(), null,
                    false);
            insertMessage(message);
            put(state.announcementMessages, announcement.id(), message.id());
            delivered.add(message);
        }
        return delivered;
    }

    @Override
    public Optional<Message> announcementMessage(AnnouncementId id, ConversationId conversationId) {
        ConversationState state = data.conversations.get(conversationId);
        MessageId messageId = state == null ? null : state.announcementMessages.get(id);
        return messageId == null ? Optional.empty() : message(messageId);
    }

    @Override
    public int announcementReadCount(AnnouncementId id) {
        int count = 0;
        for (ConversationState state : data.conversations.values()) {
            MessageId messageId = state.announcementMessages.get(id);
            if (messageId == null) {
                continue;
            }
            long seq = data.messageRefs.get(messageId).seq();
            boolean read = state.horizons.entrySet().stream()
                    .anyMatch(e -> !e.getKey().isTeamMember() && e.getValue() >= seq);
            if (read) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean announcementDeliveredToParticipant(AnnouncementId id, String teamMemberId) {
        return data.conversations.values().stream().anyMatch(state -> state.announcementMessages.containsKey(id)
                && state.participants.containsKey(teamMemberId));
    }

    // --- attachments -----------------------------------------------------------------------------------------

    @Override
    public void insertAttachment(AttachmentRecord attachment) {
        put(data.attachments, attachment.attachment().id(), attachment);
    }

    @Override
    public Optional<AttachmentRecord> attachment(AttachmentId id) {
        return Optional.ofNullable(data.attachments.get(id));
    }

    @Override
    public void referenceAttachments(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                                     AnnouncementId announcementId) {
        for (AttachmentId id : ids) {
            AttachmentRecord r = data.attachments.get(id);
            if (r != null) {
                put(data.attachments, id, new AttachmentRecord(r.tenantId(), r.attachment(), r.uploader(),
                        r.storageKey(), r.uploadedAt(), conversationId, messageId, announcementId));
            }
        }
    }

    @Override
    public List<AttachmentRecord> deleteAttachments(List<AttachmentId> ids) {
        List<AttachmentRecord> deleted = new ArrayList<>();
        for (AttachmentId id : ids) {
            AttachmentRecord record = remove(data.attachments, id);
            if (record != null) {
                deleted.add(record);
            }
        }
        return deleted;
    }

    // --- events ----------------------------------------------------------------------------------------------

    @Override
    public void appendEvents(List<NewEvent> events) {
        for (NewEvent event : events) {
            store.append(tenantId, event, undo);
        }
    }

    @Override
    public List<EventRecord> conversationEvents(ConversationId id, Set<String> types, String mention) {
        return store.conversationEvents(tenantId, id, types, mention);
    }

    @Override
    public void rewriteEventPayloads(Map<Long, String> payloads) {
        store.rewritePayloads(payloads, undo);
    }

    @Override
    public void eraseConversationEvents(ConversationId id, String type, String payload) {
        store.erase(tenantId, id, type, payload, undo);
    }

}

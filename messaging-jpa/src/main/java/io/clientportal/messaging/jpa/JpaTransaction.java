package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
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
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.NewEvent;
import io.clientportal.messaging.spi.SeqReservation;
import io.clientportal.messaging.spi.StoreTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One unit of work over one tenant's rows, on one {@link EntityManager} and its transaction. It only routes each
 * call to the class that knows its tables: the directory through entities, everything hot through native SQL.
 */
final class JpaTransaction implements StoreTransaction {

    private final String tenantId;
    private final EntityManager em;
    private final DirectoryRepository directory;
    private final ConversationSql conversations;
    private final MessageSql messages;
    private final AnnouncementSql announcements;
    private final AttachmentSql attachments;
    private final EventLog events;

    JpaTransaction(String tenantId, EntityManager em, Platform platform) {
        this.tenantId = tenantId;
        this.em = em;
        Jdbc jdbc = new Jdbc(em, platform);
        this.directory = new DirectoryRepository(em, tenantId);
        this.attachments = new AttachmentSql(jdbc, tenantId);
        this.conversations = new ConversationSql(jdbc, tenantId);
        this.messages = new MessageSql(jdbc, tenantId, attachments);
        this.announcements = new AnnouncementSql(jdbc, tenantId);
        this.events = new EventLog(jdbc);
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    // --- directory -------------------------------------------------------------------------------------------

    @Override
    public Optional<TeamMember> teamMember(String id) {
        return directory.teamMember(id);
    }

    @Override
    public void saveTeamMember(TeamMember member) {
        directory.save(member);
    }

    @Override
    public void deleteTeamMember(String id) {
        directory.deleteTeamMember(id);
    }

    @Override
    public Optional<ClientAccount> clientAccount(String id) {
        return directory.clientAccount(id);
    }

    @Override
    public void saveClientAccount(ClientAccount account) {
        directory.save(account);
        conversations.rename(account.id(), account.name());
    }

    @Override
    public void deleteClientAccount(String id) {
        directory.deleteClientAccount(id);
    }

    @Override
    public Optional<ClientUser> clientUser(String id) {
        return directory.clientUser(id);
    }

    @Override
    public List<ClientUser> clientUsers(String accountId) {
        return directory.clientUsers(accountId);
    }

    @Override
    public void saveClientUser(ClientUser user) {
        directory.save(user);
    }

    @Override
    public void deleteClientUser(String id) {
        directory.deleteClientUser(id);
    }

    // --- conversations and participants ----------------------------------------------------------------------

    @Override
    public void insertConversation(Conversation conversation) {
        conversations.insert(conversation);
    }

    @Override
    public Optional<Conversation> conversation(ConversationId id) {
        return conversations.find(id);
    }

    @Override
    public Optional<Conversation> conversationOfAccount(String clientAccountId) {
        return conversations.ofAccount(clientAccountId);
    }

    @Override
    public List<AttachmentRecord> deleteConversation(ConversationId id) {
        return conversations.delete(id, attachments);
    }

    @Override
    public Optional<Access> participantAccess(ConversationId id, String teamMemberId) {
        return conversations.participantAccess(id, teamMemberId);
    }

    @Override
    public List<Participant> participants(ConversationId id) {
        return conversations.participants(id);
    }

    @Override
    public Map<ConversationId, String> conversationAccounts(Collection<ConversationId> ids) {
        return conversations.accounts(ids);
    }

    @Override
    public Map<ConversationId, Map<String, Access>> participantAccesses(Collection<ConversationId> ids,
                                                                         Collection<String> teamMemberIds) {
        return conversations.participantAccesses(ids, teamMemberIds);
    }

    @Override
    public void saveParticipant(ConversationId id, String teamMemberId, Access access) {
        conversations.saveParticipant(id, teamMemberId, access);
    }

    @Override
    public boolean deleteParticipant(ConversationId id, String teamMemberId) {
        return conversations.deleteParticipant(id, teamMemberId);
    }

    @Override
    public List<ConversationId> deleteParticipations(String teamMemberId) {
        return conversations.deleteParticipations(teamMemberId);
    }

    @Override
    public List<ConversationId> setAccessEverywhere(String teamMemberId, Access access) {
        return conversations.setAccessEverywhere(teamMemberId, access);
    }

    // --- messages --------------------------------------------------------------------------------------------

    @Override
    public long nextSeq(ConversationId id, Instant at) {
        return conversations.nextSeq(id, at);
    }

    @Override
    public Optional<SeqReservation> nextSeqFor(ConversationId id, Actor author, Instant at) {
        return conversations.nextSeqFor(id, author, at);
    }

    @Override
    public void insertMessage(Message message) {
        messages.insert(message);
    }

    @Override
    public Optional<Message> message(MessageId id) {
        return messages.find(id);
    }

    @Override
    public Optional<Message> messageByClientMessageId(ConversationId id, Actor author, String clientMessageId) {
        return messages.byClientMessageId(id, author, clientMessageId);
    }

    @Override
    public List<Message> history(ConversationId id, Long beforeSeq, Long afterSeq, int limit) {
        return messages.history(id, beforeSeq, afterSeq, limit);
    }

    @Override
    public void updateMessageText(MessageId id, String text, Instant editedAt) {
        messages.updateText(id, text, editedAt);
    }

    @Override
    public void markMessageDeleted(MessageId id, Instant deletedAt) {
        messages.markDeleted(id, deletedAt);
    }

    // --- read state ------------------------------------------------------------------------------------------

    @Override
    public long readHorizon(ConversationId id, Actor reader) {
        return messages.readHorizon(id, reader);
    }

    @Override
    public boolean advanceReadHorizon(ConversationId id, Actor reader, long seq) {
        return messages.advanceReadHorizon(id, reader, seq);
    }

    @Override
    public long unreadCount(ConversationId id, Actor reader) {
        return messages.unreadCount(id, reader);
    }

    @Override
    public long unreadTotal(Actor reader, ConversationScope scope) {
        return messages.unreadTotal(reader, scope);
    }

    @Override
    public List<InboxRow> inbox(InboxRequest request) {
        return messages.inbox(request);
    }

    // --- announcements ---------------------------------------------------------------------------------------

    @Override
    public void insertAnnouncement(AnnouncementRecord announcement) {
        em.persist(new AnnouncementEntity(tenantId, announcement));
        em.flush();
    }

    @Override
    public Optional<AnnouncementRecord> announcement(AnnouncementId id) {
        AnnouncementEntity entity = em.find(AnnouncementEntity.class, new UuidKey(tenantId, id.value()));
        return entity == null ? Optional.empty() : Optional.of(entity.toRecord(attachments.ofAnnouncement(id)));
    }

    @Override
    public Optional<AnnouncementRecord> lockAnnouncement(AnnouncementId id) {
        AnnouncementEntity entity = em.find(AnnouncementEntity.class, new UuidKey(tenantId, id.value()));
        if (entity == null) {
            return Optional.empty();
        }
        // Refreshed under the lock: what this unit may have read before is not what it writes progress from.
        em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(entity.toRecord(attachments.ofAnnouncement(id)));
    }

    @Override
    public void addAnnouncementTargets(AnnouncementId id, List<ConversationId> conversationIds) {
        announcements.addTargets(id, conversationIds);
    }

    @Override
    public int addAllConversationsAsTargets(AnnouncementId id) {
        return announcements.addAllConversations(id);
    }

    @Override
    public List<ConversationId> announcementTargets(AnnouncementId id, ConversationId after, int limit) {
        return announcements.targets(id, after, limit);
    }

    @Override
    public void updateAnnouncementProgress(AnnouncementRecord announcement) {
        AnnouncementEntity entity = em.find(AnnouncementEntity.class,
                new UuidKey(tenantId, announcement.id().value()));
        if (entity != null) {
            entity.updateProgress(announcement);
            em.flush();
        }
    }

    @Override
    public List<Message> deliverAnnouncementChunk(AnnouncementChunk chunk) {
        return announcements.deliver(chunk);
    }

    @Override
    public Optional<Message> announcementMessage(AnnouncementId id, ConversationId conversationId) {
        return messages.ofAnnouncement(id, conversationId);
    }

    @Override
    public int announcementReadCount(AnnouncementId id) {
        return announcements.readCount(id);
    }

    @Override
    public boolean announcementDeliveredToParticipant(AnnouncementId id, String teamMemberId) {
        return announcements.deliveredToParticipant(id, teamMemberId);
    }

    // --- attachments -----------------------------------------------------------------------------------------

    @Override
    public void insertAttachment(AttachmentRecord attachment) {
        attachments.insert(attachment);
    }

    @Override
    public Optional<AttachmentRecord> attachment(AttachmentId id) {
        return attachments.find(id);
    }

    @Override
    public void referenceAttachments(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                                     AnnouncementId announcementId) {
        attachments.reference(ids, conversationId, messageId, announcementId);
    }

    @Override
    public List<AttachmentRecord> deleteAttachments(List<AttachmentId> ids) {
        return attachments.delete(ids);
    }

    // --- events ----------------------------------------------------------------------------------------------

    @Override
    public void appendEvents(List<NewEvent> newEvents) {
        events.append(tenantId, newEvents);
    }

    @Override
    public List<EventRecord> conversationEvents(ConversationId id, Set<String> types, String mention) {
        return events.ofConversation(tenantId, id, types, mention);
    }

    @Override
    public void rewriteEventPayloads(Map<Long, String> payloads) {
        events.rewrite(payloads);
    }

    @Override
    public void eraseConversationEvents(ConversationId id, String type, String payload) {
        events.erase(tenantId, id, type, payload);
    }
}

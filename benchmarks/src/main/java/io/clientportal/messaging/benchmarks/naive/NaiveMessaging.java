package io.clientportal.messaging.benchmarks.naive;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The messaging a team would write themselves on Spring Data JPA: entities and repositories, one {@code save} per
 * row, derived queries, Spring transactions, an outbox row per change. Written the way a competent team would
 * (row lock for the seq, JDBC batching, persist-not-merge for assigned keys, keyset paging), not as a straw man.
 */
public class NaiveMessaging {

    private static final String TENANT = "default";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID FIRST = new UUID(0, 0);

    /** One row of an inbox page. */
    public record InboxRow(UUID conversationId, String clientName, String lastText, long unread) {
    }

    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final ApplicationEventPublisher publisher;
    private final NaiveEventForwarder forwarder;
    private final NaiveRepositories.TeamMembers teamMembers;
    private final NaiveRepositories.ClientUsers clientUsers;
    private final NaiveRepositories.Conversations conversations;
    private final NaiveRepositories.Participants participants;
    private final NaiveRepositories.Messages messages;
    private final NaiveRepositories.ReadHorizons horizons;
    private final NaiveRepositories.Announcements announcements;
    private final NaiveRepositories.Events events;

    NaiveMessaging(PlatformTransactionManager transactions, ApplicationEventPublisher publisher,
                   NaiveEventForwarder forwarder, NaiveRepositories.TeamMembers teamMembers,
                   NaiveRepositories.ClientUsers clientUsers, NaiveRepositories.Conversations conversations,
                   NaiveRepositories.Participants participants, NaiveRepositories.Messages messages,
                   NaiveRepositories.ReadHorizons horizons, NaiveRepositories.Announcements announcements,
                   NaiveRepositories.Events events) {
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.publisher = publisher;
        this.forwarder = forwarder;
        this.teamMembers = teamMembers;
        this.clientUsers = clientUsers;
        this.conversations = conversations;
        this.participants = participants;
        this.messages = messages;
        this.horizons = horizons;
        this.announcements = announcements;
        this.events = events;
    }

    /** A client user posts into their account's conversation. */
    public void post(String userId, UUID conversationId, String text) {
        write.executeWithoutResult(status -> {
            NaiveClientUser user = clientUsers.findById(new Keys.TenantId(TENANT, userId))
                    .orElseThrow(NoSuchElementException::new);
            NaiveConversation conversation = conversations.findWithLockByTenantIdAndId(TENANT, conversationId)
                    .filter(c -> c.clientAccountId.equals(user.accountId))
                    .orElseThrow(NoSuchElementException::new);
            Instant now = now();
            long seq = conversation.nextSeq(now);
            NaiveMessage message = messages.save(new NaiveMessage(TENANT, conversationId, seq, "CLIENT_USER", userId,
                    user.displayName, text, null, now));
            raiseHorizon(conversationId, "CLIENT_USER", userId, seq);
            events.save(new NaiveEvent(TENANT, "message.posted", conversationId, posted(message), now));
            publisher.publishEvent(new NaiveEventForwarder.Posted(text));
        });
    }

    /** A page of 50 before {@code beforeSeq}, ascending, as a client user of the conversation sees it. */
    public List<String> history(String userId, UUID conversationId, long beforeSeq) {
        return read.execute(status -> {
            NaiveClientUser user = clientUsers.findById(new Keys.TenantId(TENANT, userId))
                    .orElseThrow(NoSuchElementException::new);
            conversations.findByTenantIdAndId(TENANT, conversationId)
                    .filter(c -> c.clientAccountId.equals(user.accountId))
                    .orElseThrow(NoSuchElementException::new);
            List<NaiveMessage> page = new ArrayList<>(messages
                    .findByTenantIdAndConversationIdAndSeqLessThanOrderBySeqDesc(TENANT, conversationId, beforeSeq,
                            Limit.of(50)));
            Collections.reverse(page);
            return page.stream().map(m -> m.text).toList();
        });
    }

    /** A team member's first inbox page of {@code size}, with last message and unread count per conversation. */
    public List<InboxRow> inbox(String memberId, int size) {
        return read.execute(status -> {
            NaiveTeamMember member = teamMembers.findById(new Keys.TenantId(TENANT, memberId))
                    .orElseThrow(NoSuchElementException::new);
            if (member.isManager()) {
                throw new UnsupportedOperationException("the benchmark reads an agent's inbox");
            }
            List<InboxRow> rows = new ArrayList<>();
            for (NaiveConversation c : conversations.inboxOf(TENANT, memberId, Limit.of(size + 1))) {
                String last = messages.findByTenantIdAndConversationIdAndSeq(TENANT, c.id, c.lastSeq)
                        .map(m -> m.text).orElse(null);
                long horizon = horizons.findById(new Keys.HorizonKey(TENANT, c.id, "TEAM_MEMBER", memberId))
                        .map(h -> h.lastReadSeq).orElse(0L);
                long unread = messages.countByTenantIdAndConversationIdAndSeqGreaterThanAndDeletedAtIsNullAndAuthorIdNot(
                        TENANT, c.id, horizon, memberId);
                rows.add(new InboxRow(c.id, c.clientName, last, unread));
            }
            return rows;
        });
    }

    /** A participant marks a conversation read up to {@code seq}. */
    public void markRead(String memberId, UUID conversationId, long seq) {
        write.executeWithoutResult(status -> {
            NaiveTeamMember member = teamMembers.findById(new Keys.TenantId(TENANT, memberId))
                    .orElseThrow(NoSuchElementException::new);
            if (!member.isManager()
                    && !participants.existsByTenantIdAndConversationIdAndTeamMemberId(TENANT, conversationId, memberId)) {
                throw new NoSuchElementException();
            }
            NaiveConversation conversation = conversations.findByTenantIdAndId(TENANT, conversationId)
                    .orElseThrow(NoSuchElementException::new);
            long horizon = Math.min(seq, conversation.lastSeq);
            if (horizon > 0 && raiseHorizon(conversationId, "TEAM_MEMBER", memberId, horizon)) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("conversationId", conversationId.toString());
                payload.put("reader", memberId);
                payload.put("seq", horizon);
                events.save(new NaiveEvent(TENANT, "conversation.read", conversationId,
                        JSON.writeValueAsString(payload), now()));
            }
        });
    }

    /** A participant's unread messages over their conversations. */
    public long unreadTotal(String memberId) {
        return read.execute(status -> {
            NaiveTeamMember member = teamMembers.findById(new Keys.TenantId(TENANT, memberId))
                    .orElseThrow(NoSuchElementException::new);
            if (member.isManager()) {
                throw new UnsupportedOperationException("the benchmark counts an agent's unread messages");
            }
            return messages.unreadTotalOfParticipant(TENANT, memberId);
        });
    }

    /** An announcement to every client, delivered in transactions of {@code chunk} conversations; returns when done. */
    public int announceToAll(String authorId, String text, int chunk) {
        NaiveAnnouncement announcement = write.execute(status -> {
            NaiveTeamMember author = teamMembers.findById(new Keys.TenantId(TENANT, authorId))
                    .filter(NaiveTeamMember::isManager).orElseThrow(NoSuchElementException::new);
            return announcements.save(new NaiveAnnouncement(TENANT, author, text,
                    (int) conversations.countByTenantId(TENANT), now()));
        });
        UUID after = FIRST;
        int delivered = 0;
        while (true) {
            UUID from = after;
            List<UUID> done = write.execute(status -> {
                Instant now = now();
                List<UUID> ids = new ArrayList<>();
                for (NaiveConversation c : conversations.findByTenantIdAndIdGreaterThanOrderByIdAsc(TENANT, from,
                        Limit.of(chunk))) {
                    long seq = c.nextSeq(now);
                    NaiveMessage message = messages.save(new NaiveMessage(TENANT, c.id, seq, "TEAM_MEMBER",
                            announcement.authorId, announcement.authorName, text, announcement.id, now));
                    events.save(new NaiveEvent(TENANT, "message.posted", c.id, posted(message), now));
                    ids.add(c.id);
                }
                return ids;
            });
            if (done.isEmpty()) {
                break;
            }
            delivered += done.size();
            after = done.get(done.size() - 1);
            int progress = delivered;
            UUID cursor = after;
            write.executeWithoutResult(status -> announcements.findById(announcement.getId()).ifPresent(a -> {
                a.deliveredCount = progress;
                a.cursorId = cursor;
            }));
        }
        write.executeWithoutResult(status -> announcements.findById(announcement.getId())
                .ifPresent(a -> a.status = "DELIVERED"));
        return delivered;
    }

    /** Calls {@code listener} with the text of each message posted on this node, after its commit. */
    public void listen(Consumer<String> listener) {
        forwarder.listen(listener);
    }

    private boolean raiseHorizon(UUID conversationId, String readerKind, String readerId, long seq) {
        Keys.HorizonKey key = new Keys.HorizonKey(TENANT, conversationId, readerKind, readerId);
        NaiveReadHorizon horizon = horizons.findById(key).orElse(null);
        if (horizon == null) {
            horizons.save(new NaiveReadHorizon(key, seq));
            return true;
        }
        if (horizon.lastReadSeq >= seq) {
            return false;
        }
        horizon.lastReadSeq = seq;
        return true;
    }

    private static String posted(NaiveMessage m) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversationId", m.conversationId.toString());
        payload.put("messageId", m.id.toString());
        payload.put("seq", m.seq);
        payload.put("authorKind", m.authorKind);
        payload.put("authorId", m.authorId);
        payload.put("authorName", m.authorName);
        payload.put("text", m.text);
        payload.put("createdAt", m.createdAt.toString());
        return JSON.writeValueAsString(payload);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

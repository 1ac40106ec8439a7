package io.clientportal.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Caffeine caches of the directory and access data that reads and the event feed consult. Every change
 * invalidates them through its event: on this node right after commit, on every node when the relay passes it.
 * Writes never consult this cache.
 */
final class AccessCache {

    /** The types of the events that {@link #invalidate} acts on. */
    private static final String MESSAGE_POSTED = MessagePosted.class.getSimpleName();
    private static final Set<String> INVALIDATING_TYPES = Set.of(
            TeamMemberChanged.class.getSimpleName(), TeamMemberRemoved.class.getSimpleName(),
            ClientUserChanged.class.getSimpleName(), ClientUserRemoved.class.getSimpleName(),
            ParticipantAdded.class.getSimpleName(), ParticipantAccessChanged.class.getSimpleName(),
            ParticipantRemoved.class.getSimpleName(), ConversationDeleted.class.getSimpleName(),
            ConversationRead.class.getSimpleName(), ConversationCreated.class.getSimpleName());

    record MemberKey(String tenantId, String id) {
    }

    record ParticipantKey(String tenantId, ConversationId conversationId, String teamMemberId) {
    }

    record ConversationKey(String tenantId, ConversationId conversationId) {
    }

    private final Cache<MemberKey, Optional<TeamMember>> teamMembers = newCache();
    private final Cache<MemberKey, Optional<ClientUser>> clientUsers = newCache();
    private final Cache<ParticipantKey, Optional<Access>> participants = newCache();
    private final Cache<ConversationKey, Optional<String>> conversationAccounts = newCache();
    /**
     * Conversations known deleted. Ids are never reused, so none may be remembered again: the relay passes events
     * from before a delete after the delete has committed (and invalidated this cache), and an account remembered
     * from one of them (a created conversation, the lookahead's bulk read) would show the deleted conversation as
     * there until the relay passes the delete itself.
     */
    private final Cache<ConversationKey, Boolean> deletedConversations = newCache();
    /**
     * Raised by every invalidation of participant access, before it drops anything. A bulk read (the relay's
     * prefetch) stores what it read only if this has not moved since the read began: a read that saw a participant
     * before their removal committed, and stores after the removal's invalidation ran, would otherwise leave the
     * removed member cached as a participant (to their stream and their reads) until the relay passes the removal.
     * One counter for every key: such invalidations are rare, and a dropped fill only costs a load on use.
     */
    private final AtomicLong participantInvalidations = new AtomicLong();

    /** How long a read count is kept, in case an event that changes it is ever missed. */
    private static final Duration READ_COUNT_TTL = Duration.ofSeconds(5);

    /**
     * How many targets read an announcement, counted over all its messages: a progress bar polls it while the
     * announcement is delivered, and only a client's horizon moving (a read, or a post: posting moves the poster's
     * horizon) or a deleted conversation can change it (a delivered message is always after its reader's horizon).
     * Keyed by the tenant's read generation, which every such change raises: a count loaded from before a change
     * (a load racing its invalidation) is stored under the old generation and never answered again. Kept for the
     * TTL, or for ten times what counting took if that is longer: that expiry is only the net for a missed event,
     * and a million-client announcement's count (seconds of the database's time) polled by a progress bar would
     * otherwise keep the database counting while it delivers.
     */
    private final Cache<AnnouncementKey, ReadCount> announcementReadCounts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.<AnnouncementKey, ReadCount>creating((key, counted) ->
                    counted.took().multipliedBy(10).compareTo(READ_COUNT_TTL) > 0
                            ? counted.took().multipliedBy(10) : READ_COUNT_TTL))
            .build();
    private final Map<String, AtomicLong> readGenerations = new ConcurrentHashMap<>();
    /** When a read count was last asked for ({@link System#nanoTime}); posts need decoding only while they matter. */
    private volatile long readCountAskedAt = System.nanoTime() - READ_COUNT_TTL.toNanos() * 2;

    record AnnouncementKey(String tenantId, AnnouncementId announcementId, long generation) {
    }

    /** A read count and how long counting it took. */
    private record ReadCount(int count, Duration took) {
    }

    private static <K, V> Cache<K, V> newCache() {
        // The expiry bounds staleness should an invalidation ever be missed (for example a node partitioned
        // from the database); invalidation, not expiry, is what keeps the cache right.
        return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    }

    Optional<TeamMember> teamMember(String tenantId, String id, Supplier<Optional<TeamMember>> loader) {
        return teamMembers.get(new MemberKey(tenantId, id), key -> loader.get());
    }

    Optional<ClientUser> clientUser(String tenantId, String id, Supplier<Optional<ClientUser>> loader) {
        return clientUsers.get(new MemberKey(tenantId, id), key -> loader.get());
    }

    Optional<Access> participantAccess(String tenantId, ConversationId conversationId, String teamMemberId,
                                       Supplier<Optional<Access>> loader) {
        return participants.get(new ParticipantKey(tenantId, conversationId, teamMemberId), key -> loader.get());
    }

    int announcementReadCount(String tenantId, AnnouncementId id, IntSupplier loader) {
        readCountAskedAt = System.nanoTime();
        long generation = readGeneration(tenantId).get();
        return announcementReadCounts.get(new AnnouncementKey(tenantId, id, generation), key -> {
            long start = System.nanoTime();
            int count = loader.getAsInt();
            return new ReadCount(count, Duration.ofNanos(System.nanoTime() - start));
        }).count();
    }

    private AtomicLong readGeneration(String tenantId) {
        return readGenerations.computeIfAbsent(tenantId, t -> new AtomicLong());
    }

    /** A client's horizon moved, or a conversation went: every read count of the tenant may have changed. */
    private void forgetReadCounts(String tenantId) {
        readGeneration(tenantId).incrementAndGet();
    }

    /** The client account of a conversation; empty if the conversation does not exist. */
    Optional<String> conversationAccount(String tenantId, ConversationId conversationId,
                                         Supplier<Optional<String>> loader) {
        ConversationKey key = new ConversationKey(tenantId, conversationId);
        if (deletedConversations.getIfPresent(key) != null) {
            return Optional.empty();
        }
        Optional<String> account = conversationAccounts.get(key, k -> loader.get());
        if (account.isEmpty()) {
            // Not remembered: an id asked for before its conversation exists must not hide it afterwards.
            conversationAccounts.invalidate(key);
        }
        return account;
    }

    /**
     * Whether an event of this type may change cached facts. A post may (a client's post moves their horizon, which
     * read counts depend on), but only while read counts are in use: else nothing needs to read posts back.
     */
    boolean invalidatedBy(String eventType) {
        return INVALIDATING_TYPES.contains(eventType) || (MESSAGE_POSTED.equals(eventType)
                && System.nanoTime() - readCountAskedAt < READ_COUNT_TTL.toNanos() * 2);
    }

    /** Whether the conversation's account is cached (a look-up that would not read the store). */
    boolean knowsAccount(String tenantId, ConversationId conversationId) {
        return conversationAccounts.getIfPresent(new ConversationKey(tenantId, conversationId)) != null;
    }

    /** Caches a conversation's account, read in bulk (a conversation never changes account). */
    void rememberAccount(String tenantId, ConversationId conversationId, String accountId) {
        ConversationKey key = new ConversationKey(tenantId, conversationId);
        // The tombstone is looked at inside the entry's computation: a delete writes it before it drops the
        // account, so a fill that raced with the delete either sees it or is dropped by the delete.
        conversationAccounts.asMap().compute(key, (k, cached) -> cached != null ? cached
                : deletedConversations.getIfPresent(key) == null ? Optional.of(accountId) : null);
    }

    /** Whether a member's participant access in a conversation is cached. */
    boolean knowsParticipant(String tenantId, ConversationId conversationId, String teamMemberId) {
        return participants.getIfPresent(new ParticipantKey(tenantId, conversationId, teamMemberId)) != null;
    }

    /** Taken before a bulk read of participant access; what it read is remembered only under the same mark. */
    long participantFillMark() {
        return participantInvalidations.get();
    }

    /**
     * Caches a participant access read in bulk, unless one is cached already or participant access was invalidated
     * since the read began ({@code mark}, from {@link #participantFillMark()}): then what was read may predate a
     * change that committed meanwhile, and is dropped (the next use loads it again).
     */
    void rememberParticipant(String tenantId, ConversationId conversationId, String teamMemberId,
                             Optional<Access> access, long mark) {
        // Compared inside the entry's computation: an invalidation raises the mark before it drops the entry, so a
        // fill either sees the new mark or stores before the drop, which then removes it.
        participants.asMap().compute(new ParticipantKey(tenantId, conversationId, teamMemberId),
                (key, cached) -> cached != null ? cached : participantInvalidations.get() == mark ? access : null);
    }

    /** Drops whatever the event made stale (and learns what it tells for good: a new conversation's account). */
    void invalidate(MessagingEvent event) {
        String tenant = event.tenantId();
        if (event instanceof ConversationCreated created) {
            rememberAccount(tenant, created.conversationId(), created.clientAccountId());
        } else if (event instanceof TeamMemberChanged changed) {
            forgetTeamMember(tenant, changed.teamMember().id());
        } else if (event instanceof TeamMemberRemoved removed) {
            forgetTeamMember(tenant, removed.teamMemberId());
        } else if (event instanceof ClientUserChanged changed) {
            clientUsers.invalidate(new MemberKey(tenant, changed.clientUser().id()));
        } else if (event instanceof ClientUserRemoved removed) {
            clientUsers.invalidate(new MemberKey(tenant, removed.clientUserId()));
        } else if (event instanceof ParticipantAdded added) {
            forgetParticipant(new ParticipantKey(tenant, added.conversationId(), added.participant().teamMemberId()));
        } else if (event instanceof ParticipantAccessChanged changed) {
            forgetParticipant(new ParticipantKey(tenant, changed.conversationId(),
                    changed.participant().teamMemberId()));
        } else if (event instanceof ParticipantRemoved removed) {
            forgetParticipant(new ParticipantKey(tenant, removed.conversationId(), removed.teamMemberId()));
        } else if (event instanceof ConversationRead read && !read.reader().isTeamMember()) {
            forgetReadCounts(tenant);
        } else if (event instanceof MessagePosted posted && !posted.message().author().isTeamMember()) {
            forgetReadCounts(tenant);   // posting moved the client's horizon to the post
        } else if (event instanceof ConversationDeleted deleted) {
            forgetReadCounts(tenant);
            ConversationKey gone = new ConversationKey(tenant, deleted.conversationId());
            deletedConversations.put(gone, Boolean.TRUE);
            conversationAccounts.invalidate(gone);
            participantInvalidations.incrementAndGet();
            participants.asMap().keySet().removeIf(key -> key.tenantId().equals(tenant)
                    && key.conversationId().equals(deleted.conversationId()));
        }
    }

    private void forgetParticipant(ParticipantKey key) {
        participantInvalidations.incrementAndGet();
        participants.invalidate(key);
    }

    private void forgetTeamMember(String tenant, String id) {
        teamMembers.invalidate(new MemberKey(tenant, id));
        participantInvalidations.incrementAndGet();
        participants.asMap().keySet().removeIf(key -> key.tenantId().equals(tenant)
                && key.teamMemberId().equals(id));
    }

    /** Drops everything (a relay that lost track of the log must assume anything changed). */
    void invalidateAll() {
        readGenerations.values().forEach(AtomicLong::incrementAndGet);
        announcementReadCounts.invalidateAll();
        teamMembers.invalidateAll();
        clientUsers.invalidateAll();
        participantInvalidations.incrementAndGet();
        participants.invalidateAll();
        conversationAccounts.invalidateAll();
    }
}

package io.clientportal.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationRead;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Caffeine caches of the directory and access data that reads and the event feed consult. Every change
 * invalidates them through its event: on this node right after commit, on every node when the relay passes it.
 * Writes never consult this cache.
 */
final class AccessCache {

    /** The types of the events that {@link #invalidate} acts on. */
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
     * How many targets read an announcement, counted over all its messages: a progress bar polls it while the
     * announcement is delivered, and only a client's read (or a deleted conversation) can change it (a delivered
     * message is always after its reader's horizon). Kept briefly in case such an event is ever missed.
     */
    private final Cache<AnnouncementKey, Integer> announcementReadCounts = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    record AnnouncementKey(String tenantId, AnnouncementId announcementId) {
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
        return announcementReadCounts.get(new AnnouncementKey(tenantId, id), key -> loader.getAsInt());
    }

    /** The client account of a conversation; empty if the conversation does not exist. */
    Optional<String> conversationAccount(String tenantId, ConversationId conversationId,
                                         Supplier<Optional<String>> loader) {
        ConversationKey key = new ConversationKey(tenantId, conversationId);
        Optional<String> account = conversationAccounts.get(key, k -> loader.get());
        if (account.isEmpty()) {
            // Not remembered: an id asked for before its conversation exists must not hide it afterwards.
            conversationAccounts.invalidate(key);
        }
        return account;
    }

    /** Whether the conversation's account is cached (a look-up that would not read the store). */
    boolean knowsAccount(String tenantId, ConversationId conversationId) {
        return conversationAccounts.getIfPresent(new ConversationKey(tenantId, conversationId)) != null;
    }

    /** Caches a conversation's account, read in bulk (a conversation never changes account). */
    void rememberAccount(String tenantId, ConversationId conversationId, String accountId) {
        conversationAccounts.asMap().putIfAbsent(new ConversationKey(tenantId, conversationId),
                Optional.of(accountId));
    }

    /** Whether a member's participant access in a conversation is cached. */
    boolean knowsParticipant(String tenantId, ConversationId conversationId, String teamMemberId) {
        return participants.getIfPresent(new ParticipantKey(tenantId, conversationId, teamMemberId)) != null;
    }

    /**
     * Caches a participant access read in bulk, unless one is cached already. (An invalidation that races with it
     * is repeated when the relay passes the change, as on every other node.)
     */
    void rememberParticipant(String tenantId, ConversationId conversationId, String teamMemberId,
                             Optional<Access> access) {
        participants.asMap().putIfAbsent(new ParticipantKey(tenantId, conversationId, teamMemberId), access);
    }

    /** Whether an event of this type changes cached facts. */
    static boolean invalidatedBy(String eventType) {
        return INVALIDATING_TYPES.contains(eventType);
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
            participants.invalidate(new ParticipantKey(tenant, added.conversationId(),
                    added.participant().teamMemberId()));
        } else if (event instanceof ParticipantAccessChanged changed) {
            participants.invalidate(new ParticipantKey(tenant, changed.conversationId(),
                    changed.participant().teamMemberId()));
        } else if (event instanceof ParticipantRemoved removed) {
            participants.invalidate(new ParticipantKey(tenant, removed.conversationId(), removed.teamMemberId()));
        } else if (event instanceof ConversationRead read && !read.reader().isTeamMember()) {
            announcementReadCounts.asMap().keySet().removeIf(key -> key.tenantId().equals(read.tenantId()));
        } else if (event instanceof ConversationDeleted deleted) {
            announcementReadCounts.asMap().keySet().removeIf(key -> key.tenantId().equals(tenant));
            conversationAccounts.invalidate(new ConversationKey(tenant, deleted.conversationId()));
            participants.asMap().keySet().removeIf(key -> key.tenantId().equals(tenant)
                    && key.conversationId().equals(deleted.conversationId()));
        }
    }

    private void forgetTeamMember(String tenant, String id) {
        teamMembers.invalidate(new MemberKey(tenant, id));
        participants.asMap().keySet().removeIf(key -> key.tenantId().equals(tenant)
                && key.teamMemberId().equals(id));
    }

    /** Drops everything (a relay that lost track of the log must assume anything changed). */
    void invalidateAll() {
        announcementReadCounts.invalidateAll();
        teamMembers.invalidateAll();
        clientUsers.invalidateAll();
        participants.invalidateAll();
        conversationAccounts.invalidateAll();
    }
}

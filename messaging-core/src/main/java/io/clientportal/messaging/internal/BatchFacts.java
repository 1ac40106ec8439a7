package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directory and access facts the decisions on one batch of events loaded, each at most once: a change committed
 * by another thread mid-batch can't shift them between two decisions (the events after the batch tell such changes,
 * see {@link Lookahead}). Kept by one thread at a time (the relay's, or a catching-up subscriber's lane).
 */
final class BatchFacts {

    private record MemberKey(String tenantId, String id) {
    }

    private record ParticipantKey(String tenantId, ConversationId conversationId, String teamMemberId) {
    }

    private record ConversationKey(String tenantId, ConversationId conversationId) {
    }

    private final Map<MemberKey, Optional<TeamMember>> teamMembers = new HashMap<>();
    private final Map<MemberKey, Optional<ClientUser>> clientUsers = new HashMap<>();
    private final Map<ParticipantKey, Optional<Access>> participants = new HashMap<>();
    private final Map<ConversationKey, Optional<String>> accounts = new HashMap<>();

    Optional<TeamMember> teamMember(String tenantId, String id, Supplier<Optional<TeamMember>> loader) {
        return teamMembers.computeIfAbsent(new MemberKey(tenantId, id), k -> loader.get());
    }

    Optional<ClientUser> clientUser(String tenantId, String id, Supplier<Optional<ClientUser>> loader) {
        return clientUsers.computeIfAbsent(new MemberKey(tenantId, id), k -> loader.get());
    }

    Optional<Access> participantAccess(String tenantId, ConversationId conversationId, String teamMemberId,
                                       Supplier<Optional<Access>> loader) {
        return participants.computeIfAbsent(new ParticipantKey(tenantId, conversationId, teamMemberId),
                k -> loader.get());
    }

    /** The account of a conversation; empty when it does not exist. */
    Optional<String> conversationAccount(String tenantId, ConversationId conversationId,
                                         Supplier<Optional<String>> loader) {
        return accounts.computeIfAbsent(new ConversationKey(tenantId, conversationId), k -> loader.get());
    }

    /** The facts of the tenant as first loaded in this batch, loaded from {@code current} on first use. */
    Facts of(String tenantId, Facts current) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return BatchFacts.this.teamMember(tenantId, id, () -> current.teamMember(id));
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return BatchFacts.this.clientUser(tenantId, id, () -> current.clientUser(id));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return BatchFacts.this.participantAccess(tenantId, conversationId, teamMemberId,
                        () -> current.participantAccess(conversationId, teamMemberId));
            }
        };
    }
}

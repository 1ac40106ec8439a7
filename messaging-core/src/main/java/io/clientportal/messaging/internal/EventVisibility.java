package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.Permission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which events a subscriber may see, from the cached directory and access data (which the relay has
 * already invalidated up to the event at hand, so a removal takes effect from the very next event).
 */
final class EventVisibility {

    enum Verdict { DELIVER, SKIP, END }

    private final Context context;

    EventVisibility(Context context) {
        this.context = context;
    }

    Verdict verdict(Actor actor, MessagingEvent event, Lookahead lookahead) {
        String tenant = event.tenantId();
        if (event instanceof TeamMemberRemoved removed) {
            return actor.isTeamMember() && removed.teamMemberId().equals(actor.id()) ? Verdict.END : Verdict.SKIP;
        }
        if (event instanceof ClientUserRemoved removed) {
            return !actor.isTeamMember() && removed.clientUserId().equals(actor.id()) ? Verdict.END : Verdict.SKIP;
        }
        if (event instanceof TeamMemberChanged || event instanceof ClientUserChanged) {
            return Verdict.SKIP;
        }
        Facts facts = asOfEvent(remembered(context.cachedFacts(tenant), tenant, lookahead), tenant, lookahead);
        Authorizer.Subject subject = context.authorizer.subject(facts, actor);
        if (!subject.isKnown()) {
            return Verdict.SKIP;
        }
        boolean visible;
        if (event instanceof AnnouncementDelivered delivered) {
            visible = subject.isManager() || (actor.isTeamMember() && delivered.authorId().equals(actor.id()));
        } else if (event instanceof ConversationDeleted deleted) {
            visible = subject.isManager()
                    || (actor.isTeamMember() ? deleted.teamMemberIds() : deleted.clientUserIds()).contains(actor.id());
        } else if (event instanceof ParticipantRemoved removed && actor.isTeamMember()
                && removed.teamMemberId().equals(actor.id())) {
            visible = true;
        } else {
            visible = event.conversationId() != null
                    && mayView(facts, subject, tenant, event.conversationId(), lookahead);
        }
        return visible ? Verdict.DELIVER : Verdict.SKIP;
    }

    /** Facts as first loaded in this batch. */
    private static Facts remembered(Facts current, String tenant, Lookahead lookahead) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return lookahead.remember(List.of("member", tenant, id), () -> current.teamMember(id));
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return lookahead.remember(List.of("user", tenant, id), () -> current.clientUser(id));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return lookahead.remember(List.of("participant", tenant, conversationId, teamMemberId),
                        () -> current.participantAccess(conversationId, teamMemberId));
            }
        };
    }

    /** The current facts, corrected by what later events of the batch say about the time of this one. */
    private static Facts asOfEvent(Facts current, String tenant, Lookahead lookahead) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return current.teamMember(id);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                Optional<ClientUser> user = current.clientUser(id);
                if (user.isPresent()) {
                    return user;
                }
                String account = lookahead.accountOfRemovedUser(tenant, id);
                return account == null ? user : Optional.of(new ClientUser(id, account, null));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                Optional<Access> then = lookahead.participantAccess(tenant, conversationId, teamMemberId);
                return then != null ? then : current.participantAccess(conversationId, teamMemberId);
            }
        };
    }

    /**
     * Loads, in one read per tenant, what the decisions on a batch of events for these subscribers would otherwise
     * load one event at a time: the accounts of the batch's conversations and the participant access of the
     * subscribers whose decisions need it, where the cache does not hold them already.
     */
    void prefetch(List<MessagingEvent> events, List<SubscriptionImpl> subscribers) {
        Map<String, Set<ConversationId>> conversations = new HashMap<>();
        Set<ConversationId> created = new HashSet<>();
        for (MessagingEvent event : events) {
            if (event != null && event.conversationId() != null) {
                conversations.computeIfAbsent(event.tenantId(), t -> new LinkedHashSet<>()).add(event.conversationId());
                if (event instanceof ConversationCreated) {
                    created.add(event.conversationId());   // its event tells the account
                }
            }
        }
        for (Map.Entry<String, Set<ConversationId>> entry : conversations.entrySet()) {
            String tenant = entry.getKey();
            Set<String> members = new LinkedHashSet<>();
            Facts facts = context.cachedFacts(tenant);
            for (SubscriptionImpl subscription : subscribers) {
                Actor actor = subscription.actor();
                if (actor.isTeamMember() && subscription.tenantId().equals(tenant)
                        && context.authorizer.needsParticipantAccess(context.authorizer.subject(facts, actor))) {
                    members.add(actor.id());
                }
            }
            List<ConversationId> accounts = new ArrayList<>();
            Set<ConversationId> participantsOf = new LinkedHashSet<>();
            for (ConversationId id : entry.getValue()) {
                if (!created.contains(id) && !context.cache.knowsAccount(tenant, id)) {
                    accounts.add(id);
                }
                for (String member : members) {
                    if (!context.cache.knowsParticipant(tenant, id, member)) {
                        participantsOf.add(id);
                    }
                }
            }
            if (!accounts.isEmpty() || !participantsOf.isEmpty()) {
                load(tenant, accounts, participantsOf, members);
            }
        }
    }

    private void load(String tenant, List<ConversationId> accounts, Set<ConversationId> participantsOf,
                      Set<String> members) {
        context.uow.read(tenant, tx -> {
            if (!accounts.isEmpty()) {
                tx.store().conversations().accounts(accounts).forEach((id, account) ->
                        context.cache.rememberAccount(tenant, id, account));
            }
            if (!participantsOf.isEmpty()) {
                Map<ConversationId, Map<String, Access>> found = tx.store().conversations().participantAccesses(participantsOf,
                        members);
                for (ConversationId id : participantsOf) {
                    Map<String, Access> of = found.getOrDefault(id, Map.of());
                    for (String member : members) {
                        context.cache.rememberParticipant(tenant, id, member, Optional.ofNullable(of.get(member)));
                    }
                }
            }
            return null;
        });
    }

    private boolean mayView(Facts facts, Authorizer.Subject subject, String tenant, ConversationId id,
                            Lookahead lookahead) {
        String deletedLater = lookahead.accountOfDeletedConversation(tenant, id);
        String told = deletedLater != null ? deletedLater : lookahead.accountOfCreatedConversation(tenant, id);
        Optional<String> account = told != null ? Optional.of(told)
                : lookahead.remember(List.of("account", tenant, id), () -> context.cache.conversationAccount(tenant,
                id, () -> context.uow.read(tenant, tx -> tx.store().conversations().find(id).map(c -> c.clientAccountId()))));
        return account.isPresent() && context.authorizer.decide(facts, subject, id, account.get(), Permission.VIEW,
                false, false) == AccessDecision.ALLOW;
    }
}

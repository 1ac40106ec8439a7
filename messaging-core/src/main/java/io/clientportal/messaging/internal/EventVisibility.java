package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationAssigned;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationStatusChanged;
import io.clientportal.messaging.event.MentionReceived;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.Permission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which events a subscriber may see, from the cached directory and access data as loaded once for the
 * batch (which may predate the batch's own changes: the relay invalidates the cache only as it hands each event on)
 * corrected by what the log tells about the time of the event ({@link Lookahead}): a change earlier in the batch
 * wins over what was loaded, so a removal takes effect from the very next event. Whether an actor may see an event
 * is the {@link AccessPolicy}'s decision, asked as for the matching read:
 * <ul>
 *   <li>an event of a conversation: {@link Permission#VIEW} of that conversation, with the actor's facts as of the
 *   event (a deleted conversation's event tells its account and who took part in it);</li>
 *   <li>an announcement's delivery: what reading the announcement needs (its author, or whoever the policy lets
 *   {@linkplain Permission#SEND_ANNOUNCEMENT send announcements}).</li>
 * </ul>
 * Events about the subscriber itself end its feed (it was removed) or are not sent (directory changes). An internal
 * note's events never reach a client, nor does a team member's read unless clients are told it, and then as the
 * team's ({@link Notes#mayReceive}, {@link Notes#forActor}).
 */
final class EventVisibility {

    enum Verdict { DELIVER, SKIP, END }

    /**
     * Which client users' feeds an event's {@linkplain #verdict verdict} can deliver it to or end: the relay offers it
     * only to those, and to every team member's feed (the policy decides theirs per event). A client user is of one
     * account for as long as they exist, and sees only their account's conversation.
     *
     * @param reach how far among the client users it reaches
     * @param id    the account ({@link Reach#ACCOUNT}) or the client user ({@link Reach#USER}), else {@code null}
     */
    record Audience(Reach reach, String id) {

        enum Reach {
            /** Every client user's feed: the policy decides (an announcement's delivery). */
            EVERY_CLIENT,
            /** The feeds of one account's client users: an event of its conversation. */
            ACCOUNT,
            /** The feeds of one client user: it removes them. */
            USER,
            /** No client user's feed: directory changes and events of a conversation that no longer exists. */
            NO_CLIENT
        }

        static final Audience EVERY_CLIENT = new Audience(Reach.EVERY_CLIENT, null);
        static final Audience NO_CLIENT = new Audience(Reach.NO_CLIENT, null);
    }

    /**
     * What the decisions read from the store when the cache does not hold it: the only place the event feed's
     * decisions touch the store.
     */
    interface StoreReads {

        /**
         * @param accounts     the accounts of these conversations (those that exist)
         * @param participants the participant access of these members in these conversations (those added)
         */
        record Loaded(Map<ConversationId, String> accounts, Map<ConversationId, Map<String, Access>> participants) {
        }

        /** Loads, in one unit of work, the accounts of some conversations and some members' participant access. */
        Loaded load(String tenantId, List<ConversationId> accountsOf, Set<ConversationId> participantsOf,
                    Set<String> members);

        /** The account of one conversation; empty when it does not exist. */
        Optional<String> conversationAccount(String tenantId, ConversationId conversationId);

        static StoreReads of(Transactions transactions) {
            return new StoreReads() {
                @Override
                public Loaded load(String tenantId, List<ConversationId> accountsOf,
                                   Set<ConversationId> participantsOf, Set<String> members) {
                    return transactions.read(tenantId, tx -> new Loaded(
                            accountsOf.isEmpty() ? Map.of() : tx.store().conversations().accounts(accountsOf),
                            participantsOf.isEmpty() ? Map.of()
                                    : tx.store().conversations().participantAccesses(participantsOf, members)));
                }

                @Override
                public Optional<String> conversationAccount(String tenantId, ConversationId conversationId) {
                    return transactions.read(tenantId, tx -> tx.store().conversations().find(conversationId)
                            .map(c -> c.clientAccountId()));
                }
            };
        }
    }

    private final Authorizer authorizer;
    private final AccessCache cache;
    private final Function<String, Facts> cachedFacts;
    private final StoreReads reads;

    EventVisibility(Context context) {
        this(context.authorizer, context.cache, context::cachedFacts, StoreReads.of(context.transactions));
    }

    /**
     * @param authorizer  asks the access policy
     * @param cache       the cached conversation accounts and participant access (prefetched in bulk)
     * @param cachedFacts a tenant's cached directory and access facts
     * @param reads       what is read from the store on a miss
     */
    EventVisibility(Authorizer authorizer, AccessCache cache, Function<String, Facts> cachedFacts,
                    StoreReads reads) {
        this.authorizer = authorizer;
        this.cache = cache;
        this.cachedFacts = cachedFacts;
        this.reads = reads;
    }

    Verdict verdict(Actor actor, MessagingEvent event, Lookahead lookahead) {
        if (event instanceof TeamMemberRemoved removed) {
            return actor.isTeamMember() && removed.teamMemberId().equals(actor.id()) ? Verdict.END : Verdict.SKIP;
        }
        if (event instanceof ClientUserRemoved removed) {
            return !actor.isTeamMember() && removed.clientUserId().equals(actor.id()) ? Verdict.END : Verdict.SKIP;
        }
        if (event instanceof TeamMemberChanged || event instanceof ClientUserChanged) {
            return Verdict.SKIP;
        }
        if (teamOnly(event) && !actor.isTeamMember()) {
            return Verdict.SKIP;
        }
        if (event instanceof MentionReceived mention
                && !(actor.isTeamMember() && mention.teamMemberId().equals(actor.id()))) {
            return Verdict.SKIP;   // a mention is the mentioned member's alone (and only while they may see it)
        }
        if (!Notes.mayReceive(actor, event)) {
            return Verdict.SKIP;   // a note's event, or a team member's read clients are not told
        }
        String tenant = event.tenantId();
        Facts facts = asOfEvent(event, lookahead.facts().of(tenant, cachedFacts.apply(tenant)), lookahead);
        Authorizer.Subject subject = authorizer.subject(facts, actor);
        if (!subject.isKnown()) {
            return Verdict.SKIP;
        }
        return visible(event, subject, facts, lookahead) ? Verdict.DELIVER : Verdict.SKIP;
    }

    /**
     * The client users an event can reach: every feed outside it gets {@link Verdict#SKIP} from {@link #verdict}
     * (as {@link #visible} tells: a client user sees only a conversation of their account, and is ended only by their
     * own removal), so it need not be asked.
     */
    Audience audience(MessagingEvent event, Lookahead lookahead) {
        if (event instanceof ClientUserRemoved removed) {
            return new Audience(Audience.Reach.USER, removed.clientUserId());
        }
        if (event instanceof AnnouncementDelivered) {
            return Audience.EVERY_CLIENT;
        }
        ConversationId id = event.conversationId();
        if (id == null || event instanceof TeamMemberChanged || event instanceof ClientUserChanged
                || teamOnly(event) || event instanceof MentionReceived || !Notes.reachesClients(event)) {
            return Audience.NO_CLIENT;
        }
        Optional<String> account = event instanceof ConversationDeleted deleted
                ? Optional.of(deleted.clientAccountId()) : account(event.tenantId(), id, lookahead);
        return account.map(a -> new Audience(Audience.Reach.ACCOUNT, a)).orElse(Audience.NO_CLIENT);
    }

    /**
     * The account of a client user as the cache (or, on a miss, the store) knows it now; empty for one it does not
     * know. A client user never moves to another account: they are removed (which ends their feeds) first.
     */
    Optional<String> clientAccount(String tenantId, String clientUserId) {
        return cachedFacts.apply(tenantId).clientUser(clientUserId).map(ClientUser::accountId);
    }

    private boolean visible(MessagingEvent event, Authorizer.Subject subject, Facts facts, Lookahead lookahead) {
        Actor actor = subject.actor();
        if (event instanceof AnnouncementDelivered delivered) {
            // As reading the announcement (AnnouncementService): its author, or whoever may send announcements.
            return (actor.isTeamMember() && delivered.authorId().equals(actor.id()))
                    || authorizer.maySendAnnouncements(subject);
        }
        ConversationId id = event.conversationId();
        if (id == null) {
            return false;
        }
        Optional<String> account = event instanceof ConversationDeleted deleted
                ? Optional.of(deleted.clientAccountId()) : account(event.tenantId(), id, lookahead);
        if (account.isEmpty() && !removes(event, actor)) {
            return false;   // the conversation does not exist (any more), as far as anyone can tell
        }
        // A team member's decision does not depend on the account (only whether a client is of it).
        return mayView(facts, subject, id, account.orElse(null), participation(event, actor, lookahead));
    }

    /** Events of the team's own work on a conversation (assignment, team status): no client learns of them. */
    static boolean teamOnly(MessagingEvent event) {
        return event instanceof ConversationAssigned || event instanceof ConversationStatusChanged;
    }

    /** Whether the event takes this actor out of its conversation (which then existed). */
    private static boolean removes(MessagingEvent event, Actor actor) {
        return event instanceof ParticipantRemoved removed && actor.isTeamMember()
                && removed.teamMemberId().equals(actor.id());
    }

    /** What the log tells about the actor's participation in the event's conversation at the event. */
    private static Lookahead.Participation participation(MessagingEvent event, Actor actor, Lookahead lookahead) {
        if (!actor.isTeamMember()) {
            return Lookahead.Participation.NOT_TOLD;
        }
        if (removes(event, actor)) {
            return Lookahead.Participation.PARTICIPANT;
        }
        if (event instanceof ConversationDeleted deleted) {
            // The event lists every participant at the deletion (the store holds none any more).
            return deleted.teamMemberIds().contains(actor.id()) ? Lookahead.Participation.PARTICIPANT
                    : Lookahead.Participation.NOT_PARTICIPANT;
        }
        if (lookahead.participantAsOf(event.tenantId(), event.conversationId(), actor.id()) != null) {
            return Lookahead.Participation.NOT_TOLD;   // the batch told it exactly (see asOfEvent)
        }
        return lookahead.participation(event.tenantId(), event.conversationId(), actor.id());
    }

    /**
     * Asks the policy for {@link Permission#VIEW}. When the log tells the member was a participant but not with
     * which access (a later removal or change says only that), they may see it if the policy lets a participant
     * see it whatever the access: no access is made up.
     */
    private boolean mayView(Facts facts, Authorizer.Subject subject, ConversationId id, String accountId,
                            Lookahead.Participation told) {
        return switch (told) {
            case NOT_TOLD -> allowsView(facts, subject, id, accountId);
            case NOT_PARTICIPANT -> allowsView(withParticipant(facts, id, subject.actor().id(), Optional.empty()),
                    subject, id, accountId);
            case PARTICIPANT -> {
                for (Access access : Access.values()) {
                    if (!allowsView(withParticipant(facts, id, subject.actor().id(), Optional.of(access)), subject,
                            id, accountId)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    private boolean allowsView(Facts facts, Authorizer.Subject subject, ConversationId id, String accountId) {
        return authorizer.decide(facts, subject, id, accountId, Permission.VIEW, false, false)
                == AccessDecision.ALLOW;
    }

    /** The conversation's account: as the log tells it, else as first loaded for this batch (cache, store). */
    private Optional<String> account(String tenant, ConversationId id, Lookahead lookahead) {
        Optional<String> told = lookahead.accountOfConversation(tenant, id);
        return told.isPresent() ? told : lookahead.facts().conversationAccount(tenant, id,
                () -> cache.conversationAccount(tenant, id, () -> reads.conversationAccount(tenant, id)));
    }

    /**
     * The facts, corrected by what the event and the events around it say about the time of the event: what the
     * batch set up to it wins over what was loaded (which may predate it), and the later events tell what the loaded
     * facts, newer than the event, no longer show.
     */
    private static Facts asOfEvent(MessagingEvent event, Facts current, Lookahead lookahead) {
        String tenant = event.tenantId();
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                Optional<TeamMember> told = lookahead.teamMemberAsOf(tenant, id);
                return told != null ? told : current.teamMember(id);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                Optional<ClientUser> told = lookahead.clientUserAsOf(tenant, id);
                if (told != null) {
                    return told;
                }
                Optional<ClientUser> user = current.clientUser(id);
                if (user.isPresent()) {
                    return user;
                }
                if (event instanceof ConversationDeleted deleted && deleted.clientUserIds().contains(id)) {
                    return Optional.of(new ClientUser(id, deleted.clientAccountId(), null));
                }
                return lookahead.accountOfRemovedUser(tenant, id).map(account -> new ClientUser(id, account, null));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                Optional<Access> told = lookahead.participantAsOf(tenant, conversationId, teamMemberId);
                return told != null ? told : current.participantAccess(conversationId, teamMemberId);
            }
        };
    }

    /** The facts with one member's participant access in one conversation told. */
    private static Facts withParticipant(Facts facts, ConversationId conversation, String member,
                                         Optional<Access> access) {
        return facts.withParticipantAccess(conversation, teamMemberId -> teamMemberId.equals(member) ? access
                : facts.participantAccess(conversation, teamMemberId));
    }

    /**
     * Loads, in one read per tenant, what the decisions on a batch of events for these subscribers would otherwise
     * load one event at a time: the accounts of the batch's conversations and the participant access of the
     * subscribers whose decisions need it, where the cache does not hold them already.
     *
     * @param subscribersOf the subscribers of a tenant that may need participant access (its team members' feeds)
     */
    void prefetch(List<MessagingEvent> events,
                  Function<String, ? extends Collection<SubscriptionImpl>> subscribersOf) {
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
            Facts facts = cachedFacts.apply(tenant);
            for (SubscriptionImpl subscription : subscribersOf.apply(tenant)) {
                Actor actor = subscription.actor();
                if (actor.isTeamMember() && subscription.tenantId().equals(tenant)
                        && authorizer.needsParticipantAccess(authorizer.subject(facts, actor))) {
                    members.add(actor.id());
                }
            }
            List<ConversationId> accounts = new ArrayList<>();
            Set<ConversationId> participantsOf = new LinkedHashSet<>();
            for (ConversationId id : entry.getValue()) {
                if (!created.contains(id) && !cache.knowsAccount(tenant, id)) {
                    accounts.add(id);
                }
                for (String member : members) {
                    if (!cache.knowsParticipant(tenant, id, member)) {
                        participantsOf.add(id);
                    }
                }
            }
            if (!accounts.isEmpty() || !participantsOf.isEmpty()) {
                long mark = cache.participantFillMark();   // before the read: see AccessCache#rememberParticipant
                remember(tenant, reads.load(tenant, accounts, participantsOf, members), participantsOf, members,
                        mark);
            }
        }
    }

    private void remember(String tenant, StoreReads.Loaded loaded, Set<ConversationId> participantsOf,
                          Set<String> members, long mark) {
        loaded.accounts().forEach((id, account) -> cache.rememberAccount(tenant, id, account));
        for (ConversationId id : participantsOf) {
            Map<String, Access> of = loaded.participants().getOrDefault(id, Map.of());
            for (String member : members) {
                cache.rememberParticipant(tenant, id, member, Optional.ofNullable(of.get(member)), mark);
            }
        }
    }
}

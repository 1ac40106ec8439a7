package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Conversations;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ConversationAssigned;
import io.clientportal.messaging.event.ConversationStatusChanged;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.model.TeamState;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;

/** Conversations, the inbox and participants. */
final class ConversationService implements Conversations {

    private final Context context;
    private final String tenantId;

    /** Participants as a conversation lists them: by display name, then id. */
    private static final Comparator<Participant> BY_NAME = Comparator.comparing(Participant::displayName)
            .thenComparing(Participant::teamMemberId);

    private final Mentions mentions;

    ConversationService(Context context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
        this.mentions = new Mentions(context, tenantId);
    }

    @Override
    public Conversation conversationOf(Actor actor, String clientAccountId) {
        Checks.notNull(actor, "actor");
        Checks.id(clientAccountId, "clientAccountId");
        return context.transactions.read(tenantId, tx -> {
            ConversationRow row = tx.store().conversations().ofAccount(clientAccountId)
                    .orElseThrow(() -> new NotFoundException("client account " + clientAccountId + " not found"));
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            if (context.authorizer.decide(facts, subject, row.id(), clientAccountId, Permission.VIEW, false,
                    false) != AccessDecision.ALLOW) {
                throw new NotFoundException("client account " + clientAccountId + " not found");
            }
            return conversationFor(row, actor, facts);
        });
    }

    @Override
    public Conversation get(Actor actor, ConversationId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        return context.transactions.read(tenantId, tx -> visibleConversation(tx.store(), actor, id));
    }

    /**
     * Checks that the actor may see the conversation without loading it: a conversation never changes account, so
     * its account comes from the cache (loaded in {@code store}'s unit on a miss, dropped when it is deleted).
     *
     * @return the conversation's client account
     */
    String requireVisible(StoreTransaction store, Actor actor, ConversationId id) {
        String accountId = context.cache.conversationAccount(tenantId, id,
                () -> store.conversations().find(id).map(ConversationRow::clientAccountId))
                .orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = context.cachedFacts(store);
        context.authorizer.require(facts, context.authorizer.subject(facts, actor), id, accountId, Permission.VIEW);
        return accountId;
    }

    /** The conversation if the actor may see it (cached facts); NotFound otherwise. */
    Conversation visibleConversation(StoreTransaction store, Actor actor, ConversationId id) {
        ConversationRow row = store.conversations().find(id).orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = context.cachedFacts(store);
        context.authorizer.require(facts, context.authorizer.subject(facts, actor), id, row.clientAccountId(),
                Permission.VIEW);
        return conversationFor(row, actor, facts);
    }

    /** The conversation as the actor sees it: with its team state for a team member, without it for a client. */
    static Conversation conversationFor(ConversationRow row, Actor actor, Facts facts) {
        Conversation plain = Records.conversation(row, Notes.clientView(actor));
        if (!actor.isTeamMember()) {
            return plain;
        }
        return new Conversation(plain.id(), plain.clientAccountId(), plain.clientName(), plain.lastSeq(),
                plain.createdAt(), plain.lastMessageAt(), teamState(row, facts));
    }

    /** The row's team state, with the assignee's current display name. */
    static TeamState teamState(ConversationRow row, Facts facts) {
        String name = row.assigneeId() == null ? null
                : facts.teamMember(row.assigneeId()).map(TeamMember::displayName).orElse(null);
        return new TeamState(row.assigneeId(), name, row.teamStatus(), row.teamChangedAt());
    }

    @Override
    public Page<ConversationSummary> inbox(Actor actor, InboxQuery query) {
        return context.instrumentation.observe(ObservedOperation.Kind.INBOX_READ, tenantId, actor,
                () -> readInbox(actor, query));
    }

    private Page<ConversationSummary> readInbox(Actor actor, InboxQuery query) {
        Checks.notNull(actor, "actor");
        Checks.notNull(query, "query");
        int limit = Checks.pageSize(query.limit(), context.limits);
        InboxCursor cursor = query.cursor() == null ? null : InboxCursor.parse(query.cursor());
        if (!actor.isTeamMember()) {
            refuseTeamFilters(query);
        }
        if (query.assigneeId() != null) {
            Checks.id(query.assigneeId(), "assignee");
            if (query.onlyUnassigned()) {
                throw new InvalidInputException("unassigned", "give either an assignee or unassigned, not both");
            }
        }
        return context.transactions.read(tenantId, tx -> {
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            ConversationScope scope = Scopes.of(tx.store(), subject);
            Map<ConversationId, Long> mentioned = mentions.unread(tx.store(), actor);
            List<InboxRow> rows = query.onlyMentioningMe()
                    ? mentioningInbox(tx.store(), actor, mentioned, cursor, query, limit + 1)
                    : tx.store().readState().inbox(new InboxRequest(actor, scope,
                    cursor == null ? null : cursor.activity(), cursor == null ? null : cursor.conversationId(),
                    Notes.unread(actor), query.onlyUnread(), limit + 1, query.assigneeId(), query.onlyUnassigned(),
                    query.status()));
            boolean more = rows.size() > limit;
            List<ConversationSummary> items = new ArrayList<>(Math.min(rows.size(), limit));
            boolean clientView = Notes.clientView(actor);
            for (InboxRow row : rows.subList(0, Math.min(rows.size(), limit))) {
                Conversation conversation = conversationFor(row.conversation(), actor, facts);
                Access access = context.authorizer.effectiveAccess(facts, subject, conversation.id(),
                        conversation.clientAccountId());
                // The store reads the last message the request's filter sees (for a client, never a note).
                MessageRow last = row.lastMessage() == null || !Notes.maySee(actor, row.lastMessage()) ? null
                        : row.lastMessage();
                items.add(new ConversationSummary(conversation,
                        last == null ? null : Records.message(last, clientView), row.count(), access,
                        mentioned.getOrDefault(conversation.id(), 0L)));
            }
            // The cursor is the store's activity order (the team's): a client has one conversation anyway.
            String next = more ? InboxCursor.of(Records.conversation(rows.get(limit - 1).conversation())).encode()
                    : null;
            return new Page<>(items, next);
        });
    }

    /**
     * The team filters mean nothing to a client user (the team state does not exist for them): refused, naming the
     * filter, rather than ignored, so that a client never gets an answer that looks filtered.
     */
    private static void refuseTeamFilters(InboxQuery query) {
        if (query.assigneeId() != null) {
            throw new InvalidInputException("assignee", "only team members filter by assignee");
        }
        if (query.onlyUnassigned()) {
            throw new InvalidInputException("unassigned", "only team members filter by assignment");
        }
        if (query.status() != null) {
            throw new InvalidInputException("status", "only team members filter by team status");
        }
    }

    @Override
    public TeamState assign(Actor actor, ConversationId id, String teamMemberId) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        if (teamMemberId != null) {
            Checks.id(teamMemberId, "assignee");
        }
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            ConversationRow row = requirePermission(store, actor, id, Permission.ASSIGN);
            Facts facts = Facts.direct(store);
            String name = null;
            if (teamMemberId != null) {
                // Whoever handles the conversation must be able to read it; asked as the policy would for them.
                TeamMember member = facts.teamMember(teamMemberId).orElseThrow(() -> new InvalidInputException(
                        "assignee", "team member " + teamMemberId + " does not exist"));
                if (context.authorizer.decide(facts, context.authorizer.subject(facts, Actor.teamMember(
                        teamMemberId)), id, row.clientAccountId(), Permission.VIEW, false, false)
                        != AccessDecision.ALLOW) {
                    throw new InvalidInputException("assignee", "team member " + teamMemberId
                            + " can't see this conversation: add them as a participant first");
                }
                name = member.displayName();
            }
            if (Objects.equals(row.assigneeId(), teamMemberId)) {
                return teamState(row, facts);
            }
            Instant now = context.now();
            store.conversations().setAssignee(id, teamMemberId, now);
            tx.emit(new ConversationAssigned(null, tenantId, id, now, teamMemberId, name, actor));
            return new TeamState(teamMemberId, name, row.teamStatus(), now);
        });
    }

    @Override
    public TeamState setStatus(Actor actor, ConversationId id, ConversationStatus status) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        Checks.notNull(status, "status");
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            ConversationRow row = requirePermission(store, actor, id, Permission.ASSIGN);
            Facts facts = Facts.direct(store);
            if (row.teamStatus() == status) {
                return teamState(row, facts);
            }
            Instant now = context.now();
            store.conversations().setTeamStatus(id, status, now);
            tx.emit(new ConversationStatusChanged(null, tenantId, id, now, status, actor));
            return teamState(row.withTeamState(row.assigneeId(), status, now), facts);
        });
    }

    /**
     * An inbox page of the conversations where the reader has unread mentions (already filtered to those they may
     * see), in the inbox's order and with its keyset cursor. A reader has few of them (mentions stop being unread as
     * they are read), so they are loaded and ordered here, then only the page's rows are completed.
     */
    private static List<InboxRow> mentioningInbox(StoreTransaction store, Actor reader,
                                                  Map<ConversationId, Long> mentioned, InboxCursor cursor,
                                                  InboxQuery query, int limit) {
        boolean onlyUnread = query.onlyUnread();
        List<ConversationRow> candidates = new ArrayList<>();
        for (ConversationId id : mentioned.keySet()) {
            // The team filters hold here as on every inbox page: combined, never ignored.
            store.conversations().find(id).filter(c -> cursor == null || before(c, cursor))
                    .filter(c -> query.assigneeId() == null || query.assigneeId().equals(c.assigneeId()))
                    .filter(c -> !query.onlyUnassigned() || c.assigneeId() == null)
                    .filter(c -> query.status() == null || query.status() == c.teamStatus())
                    .ifPresent(candidates::add);
        }
        candidates.sort(Comparator.comparing(ConversationRow::activityAt)
                .thenComparing(c -> c.id().value()).reversed());
        List<InboxRow> rows = new ArrayList<>();
        for (ConversationRow conversation : candidates) {
            if (rows.size() == limit) {
                break;
            }
            long unread = store.readState().count(reader, ConversationScope.only(conversation.id()),
                    Notes.unread(reader));
            if (onlyUnread && unread == 0) {
                continue;
            }
            List<MessageRow> last = store.messages().page(conversation.id(), null, null, 1);
            Access participant = reader.isTeamMember()
                    ? store.conversations().participantAccess(conversation.id(), reader.id()).orElse(null) : null;
            rows.add(new InboxRow(conversation, last.isEmpty() ? null : last.get(0), unread, participant));
        }
        return rows;
    }

    /** Whether a conversation comes after the cursor in the inbox's order (newest activity first, then id). */
    private static boolean before(ConversationRow conversation, InboxCursor cursor) {
        int byActivity = conversation.activityAt().compareTo(cursor.activity());
        return byActivity < 0 || (byActivity == 0
                && conversation.id().value().compareTo(cursor.conversationId().value()) < 0);
    }

    @Override
    public List<Participant> participants(Actor actor, ConversationId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        return context.transactions.read(tenantId, tx -> {
            requireVisible(tx.store(), actor, id);
            return tx.store().conversations().participants(id).stream()
                    .map(row -> effective(new Participant(row.member().id(), row.member().displayName(),
                            row.member().role(), row.access())))
                    .sorted(BY_NAME)
                    .toList();
        });
    }

    @Override
    public Participant addParticipant(Actor actor, ConversationId id, String teamMemberId, Access access) {
        return saveParticipant(actor, id, teamMemberId, access, true);
    }

    @Override
    public Participant changeAccess(Actor actor, ConversationId id, String teamMemberId, Access access) {
        return saveParticipant(actor, id, teamMemberId, access, false);
    }

    private Participant saveParticipant(Actor actor, ConversationId id, String teamMemberId, Access access,
                                        boolean addIfAbsent) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        Checks.id(teamMemberId, "teamMemberId");
        Checks.notNull(access, "access");
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            requireManager(store, actor, id);
            TeamMemberRow member = store.directory().teamMember(teamMemberId)
                    .orElseThrow(() -> new NotFoundException("team member " + teamMemberId + " not found"));
            requireGrantable(member.role(), access);
            Optional<Access> current = store.conversations().participantAccess(id, teamMemberId);
            if (current.isEmpty() && !addIfAbsent) {
                throw new NotFoundException("team member " + teamMemberId + " is not a participant");
            }
            Participant participant = effective(new Participant(member.id(), member.displayName(), member.role(),
                    access));
            if (current.isPresent() && current.get() == access) {
                return participant;
            }
            store.conversations().saveParticipant(id, teamMemberId, access);
            if (current.isPresent()) {
                tx.emit(new ParticipantAccessChanged(null, tenantId, id, context.now(), participant));
            } else {
                tx.emit(new ParticipantAdded(null, tenantId, id, context.now(), participant));
            }
            return participant;
        });
    }

    @Override
    public void removeParticipant(Actor actor, ConversationId id, String teamMemberId) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        Checks.id(teamMemberId, "teamMemberId");
        context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            ConversationRow row = requireManager(store, actor, id);
            if (!store.conversations().deleteParticipant(id, teamMemberId)) {
                throw new NotFoundException("team member " + teamMemberId + " is not a participant");
            }
            Instant now = context.now();
            store.mentions().deleteOfMember(id, teamMemberId);
            tx.emit(new ParticipantRemoved(null, tenantId, id, now, teamMemberId));
            if (teamMemberId.equals(row.assigneeId())) {
                unassignIfBlind(store, tx, row, actor, now);
            }
            return null;
        });
    }

    /**
     * Unassigns the conversation when its assignee, just removed from it, can't see it any more (an owner, admin or
     * manager still can: their assignment stays).
     */
    private void unassignIfBlind(StoreTransaction store, Transaction tx, ConversationRow row, Actor actor,
                                 Instant now) {
        Facts facts = Facts.direct(store);
        if (context.authorizer.decide(facts, context.authorizer.subject(facts, Actor.teamMember(row.assigneeId())),
                row.id(), row.clientAccountId(), Permission.VIEW, false, false) != AccessDecision.ALLOW) {
            store.conversations().setAssignee(row.id(), null, now);
            tx.emit(new ConversationAssigned(null, tenantId, row.id(), now, null, null, actor));
        }
    }

    /** Authorises participant management from the store, inside the write's unit of work. */
    private ConversationRow requireManager(StoreTransaction store, Actor actor, ConversationId id) {
        return requirePermission(store, actor, id, Permission.MANAGE_PARTICIPANTS);
    }

    /** Authorises a write from the store, inside the write's unit of work; answers the conversation's row. */
    private ConversationRow requirePermission(StoreTransaction store, Actor actor, ConversationId id,
                                              Permission permission) {
        ConversationRow conversation = store.conversations().find(id)
                .orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = Facts.direct(store);
        context.authorizer.require(facts, context.authorizer.subject(facts, actor), id,
                conversation.clientAccountId(), permission);
        return conversation;
    }

    /** A participant with the access their role actually grants. */
    static Participant effective(Participant stored) {
        Access access = effectiveAccess(stored.role(), stored.access());
        return access == stored.access() ? stored
                : new Participant(stored.teamMemberId(), stored.displayName(), stored.role(), access);
    }

    /** What a participant of {@code role} stored with {@code stored} access may actually do. */
    private static Access effectiveAccess(TeamRole role, Access stored) {
        return switch (role) {
            case OWNER, ADMIN, MANAGER -> Access.WRITE;
            case WATCHER -> Access.READ_ONLY;
            case AGENT -> stored;
        };
    }

    /**
     * Refuses an access that the member's role would override: only an agent's access can be chosen, so asking
     * for anything else could not take effect and must not be answered as if it had.
     */
    private static void requireGrantable(TeamRole role, Access requested) {
        Access effective = effectiveAccess(role, requested);
        if (effective != requested) {
            String article = role == TeamRole.OWNER || role == TeamRole.ADMIN ? "an " : "a ";
            throw new InvalidInputException("access", article + role.name().toLowerCase(Locale.ROOT)
                    + "'s access is always " + effective + ": only an agent's access can be chosen");
        }
    }
}

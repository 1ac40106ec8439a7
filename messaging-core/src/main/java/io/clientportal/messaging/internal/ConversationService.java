package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Conversations;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Conversations, the inbox and participants. */
final class ConversationService implements Conversations {

    private final Context context;
    private final String tenantId;

    /** Participants as a conversation lists them: by display name, then id. */
    private static final Comparator<Participant> BY_NAME = Comparator.comparing(Participant::displayName)
            .thenComparing(Participant::teamMemberId);

    ConversationService(Context context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    @Override
    public Conversation conversationOf(Actor actor, String clientAccountId) {
        Checks.notNull(actor, "actor");
        Checks.id(clientAccountId, "clientAccountId");
        return context.transactions.read(tenantId, tx -> {
            Conversation conversation = tx.store().conversations().ofAccount(clientAccountId)
                    .map(row -> Records.conversation(row, Notes.clientView(actor)))
                    .orElseThrow(() -> new NotFoundException("client account " + clientAccountId + " not found"));
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            if (context.authorizer.decide(facts, subject, conversation.id(), clientAccountId, Permission.VIEW, false,
                    false) != io.clientportal.messaging.spi.AccessDecision.ALLOW) {
                throw new NotFoundException("client account " + clientAccountId + " not found");
            }
            return conversation;
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
     */
    void requireVisible(StoreTransaction store, Actor actor, ConversationId id) {
        String accountId = context.cache.conversationAccount(tenantId, id,
                () -> store.conversations().find(id).map(ConversationRow::clientAccountId))
                .orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = context.cachedFacts(store);
        context.authorizer.require(facts, context.authorizer.subject(facts, actor), id, accountId, Permission.VIEW);
    }

    /** The conversation if the actor may see it (cached facts); NotFound otherwise. */
    Conversation visibleConversation(StoreTransaction store, Actor actor, ConversationId id) {
        Conversation conversation = store.conversations().find(id)
                .map(row -> Records.conversation(row, Notes.clientView(actor)))
                .orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = context.cachedFacts(store);
        context.authorizer.require(facts, context.authorizer.subject(facts, actor), id,
                conversation.clientAccountId(), Permission.VIEW);
        return conversation;
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
        return context.transactions.read(tenantId, tx -> {
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            ConversationScope scope = Scopes.of(tx.store(), subject);
            List<InboxRow> rows = tx.store().readState().inbox(new InboxRequest(actor, scope,
                    cursor == null ? null : cursor.activity(), cursor == null ? null : cursor.conversationId(),
                    Notes.unread(actor), query.onlyUnread(), limit + 1));
            boolean more = rows.size() > limit;
            List<ConversationSummary> items = new ArrayList<>(Math.min(rows.size(), limit));
            boolean clientView = Notes.clientView(actor);
            for (InboxRow row : rows.subList(0, Math.min(rows.size(), limit))) {
                Conversation conversation = Records.conversation(row.conversation(), clientView);
                Access access = context.authorizer.effectiveAccess(facts, subject, conversation.id(),
                        conversation.clientAccountId());
                // The store reads the last message the request's filter sees (for a client, never a note).
                MessageRow last = row.lastMessage() == null || !Notes.maySee(actor, row.lastMessage()) ? null
                        : row.lastMessage();
                items.add(new ConversationSummary(conversation,
                        last == null ? null : Records.message(last, clientView), row.count(), access));
            }
            // The cursor is the store's activity order (the team's): a client has one conversation anyway.
            String next = more ? InboxCursor.of(Records.conversation(rows.get(limit - 1).conversation())).encode()
                    : null;
            return new Page<>(items, next);
        });
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
            requireManager(store, actor, id);
            if (!store.conversations().deleteParticipant(id, teamMemberId)) {
                throw new NotFoundException("team member " + teamMemberId + " is not a participant");
            }
            tx.emit(new ParticipantRemoved(null, tenantId, id, context.now(), teamMemberId));
            return null;
        });
    }

    /** Authorises participant management from the store, inside the write's unit of work. */
    private void requireManager(StoreTransaction store, Actor actor, ConversationId id) {
        ConversationRow conversation = store.conversations().find(id)
                .orElseThrow(() -> Errors.conversationNotFound(id));
        Facts facts = Facts.direct(store);
        context.authorizer.require(facts, context.authorizer.subject(facts, actor), id,
                conversation.clientAccountId(), Permission.MANAGE_PARTICIPANTS);
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

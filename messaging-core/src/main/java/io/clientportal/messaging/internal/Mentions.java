package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.event.MentionReceived;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of @mentions, said once for every store: who may be mentioned, what a mention adds, and which unread
 * mentions an actor is shown.
 * <ul>
 *   <li>Every mentioned id must be a team member who may see the conversation (as the {@code AccessPolicy} decides
 *   {@link Permission#VIEW}: by default owners, admins, managers and the conversation's participants). Clients may
 *   mention them too: the team members who can see their conversation are their advisers.</li>
 *   <li>Otherwise the post is refused (field {@code mentions}, naming the first such id) and nothing is written,
 *   unless the poster may {@linkplain Permission#MANAGE_PARTICIPANTS manage participants} and asked for it: then
 *   the missing members are added (agents with WRITE, so that they can answer; watchers READ_ONLY, all they can
 *   have) in the post's unit of work.</li>
 *   <li>The poster mentioning themselves is kept in the message but gives them no unread mention.</li>
 * </ul>
 */
final class Mentions {

    private final Context context;
    private final String tenantId;

    Mentions(Context context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    /** The mentioned ids as given, checked like ids, without repeats; at most the limit. */
    static List<String> distinct(List<String> ids, int max) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(Checks.id(id, "mentions"));
        }
        if (distinct.size() > max) {
            throw new InvalidInputException("mentions", "at most " + max + " mentions per message");
        }
        return List.copyOf(distinct);
    }

    /**
     * Admits a post's mentions in its unit of work, after the post itself was authorised: refuses one of a member
     * who may not see the conversation (or adds them, when asked by a poster who may), and returns the members to
     * give an unread mention (everyone but the poster).
     */
    List<String> admit(Transaction tx, Actor poster, ConversationId id, String accountId, List<String> mentions,
                       boolean addMentioned) {
        if (mentions.isEmpty()) {
            return List.of();
        }
        StoreTransaction store = tx.store();
        Facts facts = Facts.direct(store);
        Boolean mayAdd = null;
        for (String memberId : mentions) {
            if (maySee(facts, memberId, id, accountId)) {
                continue;
            }
            Optional<TeamMemberRow> member = store.directory().teamMember(memberId);
            if (addMentioned && member.isPresent() && mayAdd == null) {
                mayAdd = context.authorizer.decide(facts, context.authorizer.subject(facts, poster), id, accountId,
                        Permission.MANAGE_PARTICIPANTS, false, false) == AccessDecision.ALLOW;
            }
            if (!addMentioned || member.isEmpty() || !mayAdd
                    || !add(tx, id, member.get(), facts, accountId)) {
                throw new InvalidInputException("mentions", "team member " + memberId
                        + " can't be mentioned: not a team member who can see this conversation");
            }
        }
        return mentions.stream().filter(m -> !(poster.isTeamMember() && poster.id().equals(m))).toList();
    }

    /** Adds a mentioned member as a participant; whether they may see the conversation then. */
    private boolean add(Transaction tx, ConversationId id, TeamMemberRow member, Facts facts, String accountId) {
        Access access = member.role() == TeamRole.WATCHER ? Access.READ_ONLY : Access.WRITE;
        StoreTransaction store = tx.store();
        if (store.conversations().participantAccess(id, member.id()).isEmpty()) {
            store.conversations().saveParticipant(id, member.id(), access);
            tx.emit(new ParticipantAdded(null, tenantId, id, context.now(), ConversationService.effective(
                    new Participant(member.id(), member.displayName(), member.role(), access))));
        }
        return maySee(facts, member.id(), id, accountId);
    }

    private boolean maySee(Facts facts, String memberId, ConversationId id, String accountId) {
        Authorizer.Subject subject = context.authorizer.subject(facts, Actor.teamMember(memberId));
        return subject.role() != null && context.authorizer.decide(facts, subject, id, accountId, Permission.VIEW,
                false, false) == AccessDecision.ALLOW;
    }

    /** Stores the unread mentions of a posted message and emits one event per mentioned member. */
    void record(Transaction tx, ConversationId id, MessageId messageId, long seq, Instant at, List<String> members) {
        if (members.isEmpty()) {
            return;
        }
        tx.store().mentions().insert(id, seq, members);
        for (String member : members) {
            tx.emit(new MentionReceived(null, tenantId, id, at, member, messageId, seq));
        }
    }

    /**
     * The actor's unread mentions per conversation, only in conversations they may see now (a member whose role
     * changed keeps their rows until read, and sees only what the role shows); empty for a client user.
     */
    Map<ConversationId, Long> unread(StoreTransaction store, Actor actor) {
        if (!actor.isTeamMember()) {
            return Map.of();
        }
        Map<ConversationId, Long> all = store.mentions().unread(actor.id());
        if (all.isEmpty()) {
            return all;
        }
        Facts facts = context.cachedFacts(store);
        Authorizer.Subject subject = context.authorizer.subject(facts, actor);
        Map<ConversationId, Long> visible = new LinkedHashMap<>();
        all.forEach((conversation, count) -> {
            // A team member's decision does not depend on the conversation's account.
            if (subject.role() != null && context.authorizer.decide(facts, subject, conversation, null,
                    Permission.VIEW, false, false) == AccessDecision.ALLOW) {
                visible.put(conversation, count);
            }
        });
        return visible;
    }
}

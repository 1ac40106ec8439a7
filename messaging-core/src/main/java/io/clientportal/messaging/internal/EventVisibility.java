package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
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

import java.util.List;
import java.util.Optional;

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

    private boolean mayView(Facts facts, Authorizer.Subject subject, String tenant, ConversationId id,
                            Lookahead lookahead) {
        String deletedLater = lookahead.accountOfDeletedConversation(tenant, id);
        Optional<String> account = deletedLater != null ? Optional.of(deletedLater)
                : lookahead.remember(List.of("account", tenant, id), () -> context.cache.conversationAccount(tenant,
                id, () -> context.uow.read(tenant, tx -> tx.store().conversation(id).map(c -> c.clientAccountId()))));
        return account.isPresent() && context.authorizer.decide(facts, subject, id, account.get(), Permission.VIEW,
                false, false) == AccessDecision.ALLOW;
    }
}

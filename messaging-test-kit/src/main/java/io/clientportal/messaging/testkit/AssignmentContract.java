package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ConversationAssigned;
import io.clientportal.messaging.event.ConversationStatusChanged;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.TeamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Assignment and team status: who may change them (the authorisation table's "assign the conversation, set its team
 * status" row), who may be assigned, the inbox filters, the events, a client's message reopening the conversation,
 * removals clearing the assignment, and that a client user sees no trace of any of it.
 */
public abstract class AssignmentContract extends Contract {

    private TeamState team(ConversationId id) {
        return world().messaging.conversations().get(world().owner, id).team();
    }

    /** The clock's time as the library keeps times (to the microsecond). */
    private Instant now() {
        return world().clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private List<ConversationId> inbox(Actor actor, InboxQuery query) {
        return world().messaging.conversations().inbox(actor, query).items().stream()
                .map(s -> s.conversation().id()).toList();
    }

    @Test
    void aNewConversationIsOpenAndUnassignedForTheTeamAndHasNoTeamStateForItsClient() {
        var w = world();
        TeamState team = team(w.acme);
        assertThat(team.assigneeId()).isNull();
        assertThat(team.assigneeName()).isNull();
        assertThat(team.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(team.changedAt()).isNull();
        assertThat(w.messaging.conversations().get(w.agent, w.acme).team()).isEqualTo(team);
        assertThat(w.messaging.conversations().inbox(w.watcher, InboxQuery.first(10)).items().get(0)
                .conversation().team()).isEqualTo(team);
    }

    @Test
    void managersAndWritingAgentsAssignAndSetTheStatus() {
        var w = world();
        for (Actor actor : List.of(w.owner, w.admin, w.manager, w.agent)) {
            w.clock.advance(Duration.ofSeconds(1));
            Instant before = now();
            TeamState assigned = w.messaging.conversations().assign(actor, w.acme, "agent");
            TeamState done = w.messaging.conversations().setStatus(actor, w.acme, ConversationStatus.DONE);
            assertThat(assigned.assigneeId()).as(actor.id()).isEqualTo("agent");
            assertThat(assigned.assigneeName()).isEqualTo("Aiden Agent");
            assertThat(done.status()).isEqualTo(ConversationStatus.DONE);
            assertThat(done.assigneeId()).isEqualTo("agent");
            assertThat(done.changedAt()).isBetween(before, now());
            assertThat(team(w.acme)).isEqualTo(done);
            w.messaging.conversations().assign(actor, w.acme, null);
            w.messaging.conversations().setStatus(actor, w.acme, ConversationStatus.OPEN);
            assertThat(team(w.acme).assigneeId()).isNull();
        }
    }

    @Test
    void readOnlyAgentsAndWatchersAreDeniedAndNothingChanges() {
        var w = world();
        w.messaging.conversations().assign(w.owner, w.acme, "agent");
        TeamState before = team(w.acme);
        for (Actor actor : List.of(w.readOnlyAgent, w.watcher)) {
            assertThatThrownBy(() -> w.messaging.conversations().assign(actor, w.acme, "watcher")).as(actor.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.messaging.conversations().setStatus(actor, w.acme, ConversationStatus.DONE))
                    .as(actor.id()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(team(w.acme)).isEqualTo(before);
    }

    @Test
    void clientsAndWhoeverMayNotSeeTheConversationAreToldItDoesNotExistAndNothingChanges() {
        var w = world();
        for (Actor actor : List.of(w.alice, w.bob, w.outsider, w.olga, w.stranger, w.ghost)) {
            assertHidden(() -> w.messaging.conversations().assign(actor, w.acme, "agent"));
            assertHidden(() -> w.messaging.conversations().assign(actor, w.acme, null));
            assertHidden(() -> w.messaging.conversations().setStatus(actor, w.acme, ConversationStatus.WAITING));
        }
        assertThat(team(w.acme)).isEqualTo(new TeamState(null, null, ConversationStatus.OPEN, null));
    }

    @Test
    void theAssigneeMustBeATeamMemberWhoCanSeeTheConversation() {
        var w = world();
        for (String member : List.of("agent-out", "nobody", "alice")) {
            Throwable refused = catchThrowable(() -> w.messaging.conversations().assign(w.owner, w.acme, member));
            assertThat(refused).as(member).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) refused).field()).isEqualTo("assignee");
        }
        assertThat(team(w.acme).assigneeId()).isNull();
        // A watcher reads the conversation, so it may be theirs; a manager sees every conversation.
        assertThat(w.messaging.conversations().assign(w.owner, w.acme, "watcher").assigneeName())
                .isEqualTo("Walt Watcher");
        assertThat(w.messaging.conversations().assign(w.agent, w.acme, "manager").assigneeId()).isEqualTo("manager");
        assertThat(w.messaging.conversations().assign(w.owner, w.solo, "admin").assigneeId()).isEqualTo("admin");
    }

    @Test
    void aClientsNewMessageReopensTheConversationATeamMessageDoesNot() {
        var w = world();
        w.messaging.conversations().assign(w.owner, w.acme, "agent");
        w.messaging.conversations().setStatus(w.agent, w.acme, ConversationStatus.WAITING);
        w.post(w.agent, w.acme, "could you send the invoice?");
        assertThat(team(w.acme).status()).isEqualTo(ConversationStatus.WAITING);

        w.clock.advance(Duration.ofMinutes(3));
        Instant before = now();
        w.post(w.alice, w.acme, "here it is");
        TeamState reopened = team(w.acme);
        assertThat(reopened.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(reopened.assigneeId()).isEqualTo("agent");
        assertThat(reopened.changedAt()).isBetween(before, now());

        w.messaging.conversations().setStatus(w.agent, w.acme, ConversationStatus.DONE);
        w.post(w.bob, w.acme, "thanks!");
        assertThat(team(w.acme).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(team(w.acme).assigneeId()).isEqualTo("agent");
    }

    @Test
    void removingTheAssigneeFromTheConversationUnassignsIt() {
        var w = world();
        w.messaging.conversations().assign(w.owner, w.acme, "agent");
        w.messaging.conversations().setStatus(w.owner, w.acme, ConversationStatus.WAITING);
        w.messaging.conversations().removeParticipant(w.owner, w.acme, "agent");
        assertThat(team(w.acme).assigneeId()).isNull();
        assertThat(team(w.acme).status()).isEqualTo(ConversationStatus.WAITING);

        // A manager taken off the participants still sees the conversation: it stays theirs.
        w.messaging.conversations().addParticipant(w.owner, w.acme, "manager", Access.WRITE);
        w.messaging.conversations().assign(w.owner, w.acme, "manager");
        w.messaging.conversations().removeParticipant(w.owner, w.acme, "manager");
        assertThat(team(w.acme).assigneeId()).isEqualTo("manager");

        // Whom the directory removes is nobody's assignee any more.
        w.messaging.conversations().assign(w.owner, w.solo, "manager");
        w.messaging.directory().removeTeamMember("manager");
        assertThat(team(w.acme).assigneeId()).isNull();
        assertThat(team(w.solo).assigneeId()).isNull();
        assertThat(inbox(w.owner, InboxQuery.first(10).assignedTo("manager"))).isEmpty();
    }

    @Test
    void aDowngradeKeepsTheAssignment() {
        var w = world();
        w.messaging.conversations().assign(w.owner, w.acme, "agent");
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent", Access.READ_ONLY);
        assertThat(team(w.acme).assigneeId()).isEqualTo("agent");
        assertThatThrownBy(() -> w.messaging.conversations().setStatus(w.agent, w.acme, ConversationStatus.DONE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theInboxFiltersByAssigneeUnassignedAndStatusAndCombinesWithUnread() {
        var w = world();
        var conversations = w.messaging.conversations();
        conversations.addParticipant(w.owner, w.solo, "agent", Access.WRITE);
        conversations.assign(w.owner, w.acme, "agent");
        conversations.assign(w.owner, w.solo, "manager");
        conversations.setStatus(w.owner, w.other, ConversationStatus.DONE);
        w.clock.advance(Duration.ofSeconds(1));
        w.post(w.ivan, w.solo, "newest");   // solo has the newest activity, and is unread for the team

        assertThat(inbox(w.owner, InboxQuery.first(10).assignedTo("agent"))).containsExactly(w.acme);
        assertThat(inbox(w.owner, InboxQuery.first(10).unassigned())).containsExactly(w.other);
        assertThat(inbox(w.owner, InboxQuery.first(10).status(ConversationStatus.DONE))).containsExactly(w.other);
        assertThat(inbox(w.owner, InboxQuery.first(10).status(ConversationStatus.OPEN)))
                .containsExactly(w.solo, w.acme);
        assertThat(inbox(w.owner, InboxQuery.first(10).status(ConversationStatus.WAITING))).isEmpty();
        assertThat(inbox(w.owner, InboxQuery.first(10).assignedTo("manager").status(ConversationStatus.OPEN)))
                .containsExactly(w.solo);
        assertThat(inbox(w.owner, InboxQuery.first(10).assignedTo("manager").unreadOnly()))
                .containsExactly(w.solo);
        assertThat(inbox(w.owner, InboxQuery.first(10).assignedTo("agent").unreadOnly())).isEmpty();
        // "Mine" for an agent: the actor's own id, within the conversations they see.
        assertThat(inbox(w.agent, InboxQuery.first(10).assignedTo(w.agent.id()))).containsExactly(w.acme);
        assertThat(inbox(w.agent, InboxQuery.first(10).unassigned())).isEmpty();
        assertThat(inbox(w.agent, InboxQuery.first(10).status(ConversationStatus.DONE))).isEmpty();
        // Of an assignee and "unassigned", the one given last counts.
        assertThat(inbox(w.owner, InboxQuery.first(10).assignedTo("agent").unassigned())).containsExactly(w.other);
    }

    @Test
    void aFilteredInboxPagesByActivityWithoutSkippingOrRepeating() {
        var w = world();
        var conversations = w.messaging.conversations();
        List<ConversationId> assigned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ConversationId id = w.messaging.directory().createClientAccount("p" + i, "Paged " + i,
                    io.clientportal.messaging.model.AccountKind.INDIVIDUAL).id();
            w.clock.advance(Duration.ofSeconds(1));
            if (i % 2 == 0) {
                conversations.assign(w.owner, id, "manager");
                assigned.add(0, id);
            }
        }
        List<ConversationId> seen = new ArrayList<>();
        InboxQuery query = InboxQuery.first(1).assignedTo("manager");
        while (true) {
            Page<ConversationSummary> page = conversations.inbox(w.owner, query);
            page.items().forEach(s -> seen.add(s.conversation().id()));
            if (page.nextCursor() == null) {
                break;
            }
            query = query.after(page.nextCursor());
        }
        assertThat(seen).containsExactlyElementsOf(assigned);
    }

    @Test
    void aClientUserIsRefusedTheTeamFiltersNamingThem() {
        var w = world();
        assertField(() -> inbox(w.alice, InboxQuery.first(10).assignedTo("agent")), "assignee");
        assertField(() -> inbox(w.alice, InboxQuery.first(10).unassigned()), "unassigned");
        assertField(() -> inbox(w.alice, InboxQuery.first(10).status(ConversationStatus.OPEN)), "status");
    }

    @Test
    void aClientUserSeesNoTeamStateOnAnyRead() {
        var w = world();
        w.messaging.conversations().assign(w.owner, w.acme, "agent");
        w.messaging.conversations().setStatus(w.owner, w.acme, ConversationStatus.WAITING);
        w.post(w.agent, w.acme, "hello");
        for (Actor client : List.of(w.alice, w.bob)) {
            assertThat(w.messaging.conversations().get(client, w.acme).team()).isNull();
            assertThat(w.messaging.conversations().conversationOf(client, "acme").team()).isNull();
            assertThat(w.messaging.conversations().inbox(client, InboxQuery.first(10)).items())
                    .singleElement().satisfies(s -> assertThat(s.conversation().team()).isNull());
        }
        assertThat(w.messaging.conversations().conversationOf(w.owner, "acme").team().assigneeId())
                .isEqualTo("agent");
    }

    @Test
    void changesAreEventsForTheTeamWhoSeesTheConversationAndNeverForItsClients() {
        var w = world();
        EventContract.Recorder agent = EventContract.Recorder.subscribe(w, w.agent, null);
        EventContract.Recorder outsider = EventContract.Recorder.subscribe(w, w.outsider, null);
        EventContract.Recorder alice = EventContract.Recorder.subscribe(w, w.alice, null);
        EventContract.Recorder owner = EventContract.Recorder.subscribe(w, w.owner, null);

        w.messaging.conversations().assign(w.owner, w.acme, "agent");
        w.messaging.conversations().assign(w.owner, w.acme, "agent");   // no change, no event
        w.messaging.conversations().setStatus(w.agent, w.acme, ConversationStatus.DONE);
        w.post(w.alice, w.acme, "one more thing");
        w.messaging.conversations().removeParticipant(w.owner, w.acme, "agent");
        w.post(w.alice, w.acme, "marker");

        agent.awaitTypes(ConversationAssigned.class, ConversationStatusChanged.class, MessagePosted.class,
                ConversationStatusChanged.class, ParticipantRemoved.class);
        ConversationAssigned assigned = (ConversationAssigned) agent.events.get(0);
        assertThat(assigned.assigneeId()).isEqualTo("agent");
        assertThat(assigned.assigneeName()).isEqualTo("Aiden Agent");
        assertThat(assigned.by()).isEqualTo(w.owner);
        ConversationStatusChanged reopened = (ConversationStatusChanged) agent.events.get(3);
        assertThat(reopened.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(reopened.by()).isEqualTo(w.alice);
        alice.awaitTypes(MessagePosted.class, ParticipantRemoved.class, MessagePosted.class);
        owner.awaitTypes(ConversationAssigned.class, ConversationStatusChanged.class, MessagePosted.class,
                ConversationStatusChanged.class, ParticipantRemoved.class, ConversationAssigned.class,
                MessagePosted.class);
        assertThat(((ConversationAssigned) owner.events.get(5)).assigneeId()).isNull();
        // Replayed from before the first change, a client's feed still has no trace of them.
        String before = Long.toString(Long.parseLong(owner.events.get(0).eventId()) - 1);
        EventContract.Recorder bob = EventContract.Recorder.subscribe(w, w.bob, before);
        bob.awaitTypes(MessagePosted.class, ParticipantRemoved.class, MessagePosted.class);
        assertThat(outsider.events).isEmpty();
        for (EventContract.Recorder recorder : List.of(agent, outsider, alice, owner, bob)) {
            recorder.subscription.close();
        }
    }

    private static void assertHidden(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(NotFoundException.class);
    }

    private static void assertField(Executable call, String field) {
        Throwable refused = catchThrowable(call::execute);
        assertThat(refused).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refused).field()).isEqualTo(field);
    }
}

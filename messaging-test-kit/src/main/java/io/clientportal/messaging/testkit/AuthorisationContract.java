package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Every cell of the authorisation table, in the organisation's conversation: owners, admins and managers; an agent
 * with WRITE; an agent with READ_ONLY; a watcher; an agent never added; a client user of the account; and anyone
 * else (a client of another account, an unknown team member, an unknown client user).
 */
public abstract class AuthorisationContract extends Contract {

    private List<Actor> managers() {
        var w = world();
        return List.of(w.owner, w.admin, w.manager);
    }

    private List<Actor> hidden() {
        var w = world();
        return List.of(w.outsider, w.olga, w.stranger, w.ghost);
    }

    // --- see the conversation, history, attachments -------------------------------------------------------------

    @Test
    void everyoneWithAccessSeesTheConversationHistoryAndParticipants() {
        var w = world();
        w.post(w.alice, w.acme, "hello");
        for (Actor actor : List.of(w.owner, w.admin, w.manager, w.agent, w.readOnlyAgent, w.watcher, w.alice, w.bob)) {
            assertThat(w.messaging.conversations().get(actor, w.acme).id()).as(actor.id()).isEqualTo(w.acme);
            assertThat(w.messaging.messages().history(actor, w.acme, HistoryQuery.latest(10)).items())
                    .as(actor.id()).hasSize(1);
            assertThat(w.messaging.conversations().participants(actor, w.acme)).as(actor.id()).hasSize(3);
        }
    }

    @Test
    void whoMayNotSeeTheConversationIsToldItDoesNotExist() {
        var w = world();
        for (Actor actor : hidden()) {
            assertHidden(() -> w.messaging.conversations().get(actor, w.acme));
            assertHidden(() -> w.messaging.messages().history(actor, w.acme, HistoryQuery.latest(10)));
            assertHidden(() -> w.messaging.conversations().participants(actor, w.acme));
            assertHidden(() -> w.messaging.messages().markRead(actor, w.acme, 1));
        }
        assertThatThrownBy(() -> w.messaging.conversations().conversationOf(w.olga, "acme"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aHiddenConversationAnswersExactlyAsAMissingOne() {
        var w = world();
        ConversationId missing = new ConversationId(UUID.randomUUID());
        MessagingException hidden = catchMessaging(() -> w.messaging.conversations().get(w.outsider, w.acme));
        MessagingException absent = catchMessaging(() -> w.messaging.conversations().get(w.outsider, missing));

        assertThat(hidden).isInstanceOf(NotFoundException.class).hasSameClassAs(absent);
        assertThat(hidden.getMessage().replace(w.acme.toString(), "ID"))
                .isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        MessagingException hiddenPost = catchMessaging(() -> w.post(w.olga, w.acme, "x"));
        MessagingException absentPost = catchMessaging(() -> w.post(w.olga, missing, "x"));
        assertThat(hiddenPost.getMessage().replace(w.acme.toString(), "ID"))
                .isEqualTo(absentPost.getMessage().replace(missing.toString(), "ID"));
    }

    // --- post a message -----------------------------------------------------------------------------------------

    @Test
    void managersWritingAgentsAndClientUsersPost() {
        var w = world();
        for (Actor actor : List.of(w.owner, w.admin, w.manager, w.agent, w.alice)) {
            assertThat(w.post(actor, w.acme, "from " + actor.id()).author()).isEqualTo(actor);
        }
        assertThat(w.history(w.acme)).hasSize(5);
    }

    @Test
    void readOnlyAgentsAndWatchersAreDeniedPostingAndNothingChanges() {
        var w = world();
        w.post(w.alice, w.acme, "before");
        long unreadBefore = w.messaging.messages().unreadTotal(w.owner);
        for (Actor actor : List.of(w.readOnlyAgent, w.watcher)) {
            assertThatThrownBy(() -> w.post(actor, w.acme, "denied")).as(actor.id())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(1);
        assertThat(w.history(w.acme)).extracting(Message::text).containsExactly("before");
        assertThat(w.messaging.messages().unreadTotal(w.owner)).isEqualTo(unreadBefore);
    }

    @Test
    void whoMayNotSeeTheConversationCannotPostToIt() {
        var w = world();
        for (Actor actor : hidden()) {
            assertHidden(() -> w.post(actor, w.acme, "sneaky"));
        }
        assertThat(w.history(w.acme)).isEmpty();
        // A refused post keeps nothing, not even the seq it was checked with: the next one is still the first.
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isZero();
        assertThat(w.post(w.alice, w.acme, "first").seq()).isEqualTo(1);
    }

    // --- edit / delete own message ------------------------------------------------------------------------------

    @Test
    void authorsEditAndDeleteTheirOwnMessagesWithinTheEditWindow() {
        var w = world();
        for (Actor actor : List.of(w.agent, w.alice, w.owner)) {
            Message message = w.post(actor, w.acme, "typo");
            assertThat(w.messaging.messages().edit(actor, message.id(), "fixed").text()).isEqualTo("fixed");
            assertDoesNotThrow(() -> w.messaging.messages().delete(actor, message.id()));
        }
    }

    @Test
    void afterTheEditWindowOnlyManagersEditOrDeleteTheirOwn() {
        var w = world();
        Message byAgent = w.post(w.agent, w.acme, "agent");
        Message byClient = w.post(w.alice, w.acme, "client");
        Message byManager = w.post(w.manager, w.acme, "manager");
        w.clock.advance(Duration.ofMinutes(16));

        for (Message message : List.of(byAgent, byClient)) {
            Actor author = message.author();
            assertThatThrownBy(() -> w.messaging.messages().edit(author, message.id(), "late"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.messaging.messages().delete(author, message.id()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(w.messaging.messages().edit(w.manager, byManager.id(), "late edit").text()).isEqualTo("late edit");
        assertThat(w.history(w.acme)).extracting(Message::text).containsExactly("agent", "client", "late edit");
    }

    @Test
    void readOnlyAgentsAndWatchersCannotEditOrDeleteEvenTheirOwnEarlierMessages() {
        var w = world();
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent-ro", Access.WRITE);
        Message byReadOnly = w.post(w.readOnlyAgent, w.acme, "written while I could");
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent-ro", Access.READ_ONLY);
        Message byWatcher = w.post(w.agent, w.acme, "written as an agent");
        w.messaging.directory().upsertTeamMember("agent", "Aiden Agent", TeamRole.WATCHER);

        for (Message message : List.of(byReadOnly, byWatcher)) {
            assertThatThrownBy(() -> w.messaging.messages().edit(message.author(), message.id(), "x"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.messaging.messages().delete(message.author(), message.id()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(w.history(w.acme)).noneMatch(Message::deleted);
    }

    @Test
    void whoMayNotSeeTheConversationCannotEditOrDeleteInIt() {
        var w = world();
        Message message = w.post(w.alice, w.acme, "mine");
        for (Actor actor : hidden()) {
            assertHidden(() -> w.messaging.messages().edit(actor, message.id(), "x"));
            assertHidden(() -> w.messaging.messages().delete(actor, message.id()));
        }
        assertThat(w.history(w.acme).get(0).text()).isEqualTo("mine");
    }

    // --- delete another's message -------------------------------------------------------------------------------

    @Test
    void onlyManagersDeleteAnothersMessage() {
        var w = world();
        for (Actor manager : managers()) {
            Message message = w.post(w.alice, w.acme, "moderate me");
            w.messaging.messages().delete(manager, message.id());
        }
        Message survivor = w.post(w.alice, w.acme, "keep me");
        for (Actor actor : List.of(w.agent, w.readOnlyAgent, w.watcher, w.bob)) {
            assertThatThrownBy(() -> w.messaging.messages().delete(actor, survivor.id())).as(actor.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.messaging.messages().edit(actor, survivor.id(), "x")).as(actor.id())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(w.history(w.acme)).extracting(Message::deleted).containsExactly(true, true, true, false);
    }

    // --- edit another's message (nobody may; staff delete instead) ---------------------------------------------

    @Test
    void nobodyEditsAnothersMessageAndARefusedEditChangesNothing() {
        var w = world();
        Message byClient = w.post(w.alice, w.acme, "client's words");
        Message byAgent = w.post(w.agent, w.acme, "agent's words");
        Message byOwner = w.post(w.owner, w.acme, "owner's words");
        EventContract.Recorder feed = EventContract.Recorder.subscribe(w, w.owner, null);
        List<Actor> seers = List.of(w.owner, w.admin, w.manager, w.agent, w.readOnlyAgent, w.watcher, w.alice, w.bob);
        for (Message message : List.of(byClient, byAgent, byOwner)) {
            for (Actor actor : seers) {
                if (actor.equals(message.author())) {
                    continue;
                }
                assertThatThrownBy(() -> w.messaging.messages().edit(actor, message.id(), "rewritten"))
                        .as(actor.id() + " edits " + message.author().id() + "'s message")
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
        // Still refused after the edit window, when managers may otherwise edit their own.
        w.clock.advance(Duration.ofMinutes(16));
        for (Actor manager : managers()) {
            if (!manager.equals(byOwner.author())) {
                assertThatThrownBy(() -> w.messaging.messages().edit(manager, byOwner.id(), "late rewrite"))
                        .isInstanceOf(AccessDeniedException.class);
            }
        }

        assertThat(w.history(w.acme)).extracting(Message::text)
                .containsExactly("client's words", "agent's words", "owner's words");
        assertThat(w.history(w.acme)).extracting(Message::editedAt).containsOnlyNulls();
        assertThat(w.history(w.acme)).extracting(Message::author)
                .containsExactly(byClient.author(), byAgent.author(), byOwner.author());
        // The owner's own message is still theirs to edit; the feed shows that edit and no refused one.
        w.messaging.messages().edit(w.owner, byOwner.id(), "owner's words, edited");
        feed.awaitTypes(MessageEdited.class);
        feed.subscription.close();
    }

    // --- manage participants ------------------------------------------------------------------------------------

    @Test
    void managersAddChangeAndRemoveParticipants() {
        var w = world();
        for (Actor manager : managers()) {
            w.messaging.conversations().addParticipant(manager, w.acme, "agent-out", Access.READ_ONLY);
            w.messaging.conversations().changeAccess(manager, w.acme, "agent-out", Access.WRITE);
            w.messaging.conversations().removeParticipant(manager, w.acme, "agent-out");
        }
        assertThat(w.messaging.conversations().participants(w.owner, w.acme)).hasSize(3);
    }

    @Test
    void agentsAndWatchersAreDeniedManagingParticipants() {
        var w = world();
        for (Actor actor : List.of(w.agent, w.readOnlyAgent, w.watcher)) {
            assertThatThrownBy(() -> w.messaging.conversations().addParticipant(actor, w.acme, "agent-out",
                    Access.WRITE)).as(actor.id()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.messaging.conversations().changeAccess(actor, w.acme, "agent-ro",
                    Access.WRITE)).as(actor.id()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> w.messaging.conversations().removeParticipant(actor, w.acme, "watcher"))
                    .as(actor.id()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(w.messaging.conversations().participants(w.owner, w.acme)).hasSize(3);
    }

    @Test
    void clientsAndOutsidersAreToldTheParticipantListCannotBeManaged() {
        var w = world();
        for (Actor actor : List.of(w.alice, w.outsider, w.olga, w.stranger, w.ghost)) {
            assertHidden(() -> w.messaging.conversations().addParticipant(actor, w.acme, "agent-out", Access.WRITE));
            assertHidden(() -> w.messaging.conversations().removeParticipant(actor, w.acme, "watcher"));
            assertHidden(() -> w.messaging.conversations().changeAccess(actor, w.acme, "agent-ro", Access.WRITE));
        }
        assertThat(w.messaging.conversations().participants(w.owner, w.acme)).hasSize(3);
    }

    // --- send an announcement -----------------------------------------------------------------------------------

    @Test
    void onlyManagersSendAnnouncements() {
        var w = world();
        for (Actor manager : managers()) {
            assertThat(w.messaging.announcements().send(manager, NewAnnouncement.toClients(List.of("solo"), "hi"))
                    .id()).isNotNull();
        }
        for (Actor actor : List.of(w.agent, w.readOnlyAgent, w.watcher, w.alice, w.stranger, w.ghost)) {
            assertThatThrownBy(() -> w.messaging.announcements().send(actor,
                    NewAnnouncement.toAllClients("nope"))).as(actor.id()).isInstanceOf(AccessDeniedException.class);
        }
    }

    // --- effective access ---------------------------------------------------------------------------------------

    @Test
    void aRemovalOrDowngradeTakesEffectOnTheVeryNextCall() {
        var w = world();
        w.post(w.agent, w.acme, "one");
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent", Access.READ_ONLY);
        assertThatThrownBy(() -> w.post(w.agent, w.acme, "two")).isInstanceOf(AccessDeniedException.class);
        w.messaging.conversations().removeParticipant(w.owner, w.acme, "agent");
        assertHidden(() -> w.messaging.conversations().get(w.agent, w.acme));
        assertHidden(() -> w.messaging.messages().history(w.agent, w.acme, HistoryQuery.latest(5)));
    }

    private static void assertHidden(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(NotFoundException.class);
    }

    private static MessagingException catchMessaging(Executable call) {
        try {
            call.execute();
        } catch (MessagingException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a MessagingException", t);
        }
        throw new AssertionError("expected a MessagingException");
    }
}

package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Team members, client accounts and client users as the host synchronises them. */
public abstract class DirectoryContract extends Contract {

    @Test
    void creatingAnAccountCreatesItsOneConversationAndRepeatingItReturnsTheSameOne() {
        var w = world();
        Conversation created = w.messaging.directory().createClientAccount("new", "New Co", AccountKind.ORGANISATION);
        Conversation again = w.messaging.directory().createClientAccount("new", "New Co", AccountKind.ORGANISATION);

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(created.clientAccountId()).isEqualTo("new");
        assertThat(created.clientName()).isEqualTo("New Co");
        assertThat(created.lastSeq()).isZero();
        assertThat(created.lastMessageAt()).isNull();
        assertThat(w.messaging.conversations().conversationOf(w.owner, "new").id()).isEqualTo(created.id());
    }

    @Test
    void renamingAnAccountShowsInItsConversation() {
        var w = world();
        Conversation renamed = w.messaging.directory().createClientAccount("acme", "Acme Group", AccountKind.ORGANISATION);

        assertThat(renamed.id()).isEqualTo(w.acme);
        assertThat(w.messaging.conversations().get(w.alice, w.acme).clientName()).isEqualTo("Acme Group");
    }

    @Test
    void anAccountCannotChangeItsKind() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL))
                .isInstanceOf(ConflictException.class);
        assertThat(w.messaging.directory().clientAccount("acme").orElseThrow().kind())
                .isEqualTo(AccountKind.ORGANISATION);
    }

    @Test
    void organisationUsersShareTheOneConversation() {
        var w = world();
        w.post(w.alice, w.acme, "from alice");

        assertThat(w.messaging.conversations().conversationOf(w.bob, "acme").id()).isEqualTo(w.acme);
        assertThat(w.messaging.messages().history(w.bob, w.acme, io.clientportal.messaging.model.HistoryQuery.latest(10))
                .items()).extracting(Message::text).containsExactly("from alice");
    }

    @Test
    void anIndividualAccountTakesExactlyOneUserAndASecondChangesNothing() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.directory().addClientUser("solo", "ivy", "Ivy"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("solo");

        assertThat(w.messaging.directory().clientUser("ivy")).isEmpty();
        assertThat(w.messaging.directory().clientUser("ivan")).isPresent();
        assertThat(w.messaging.directory().addClientUser("solo", "ivan", "Ivan S."))
                .isEqualTo(new ClientUser("ivan", "solo", "Ivan S."));
    }

    @Test
    void aUserBelongsToOneAccount() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.directory().addClientUser("other", "alice", "Alice"))
                .isInstanceOf(ConflictException.class);
        assertThat(w.messaging.directory().clientUser("alice").orElseThrow().accountId()).isEqualTo("acme");
    }

    @Test
    void addingAUserToAnUnknownAccountIsNotFound() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.directory().addClientUser("nope", "x", "X"))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.messaging.directory().clientUser("x")).isEmpty();
    }

    @Test
    void blankOrMissingIdsAreRejectedWithTheFieldNamedAndNothingStored() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.directory().createClientAccount(" ", "Name", AccountKind.INDIVIDUAL))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("accountId"));
        assertThatThrownBy(() -> w.messaging.directory().createClientAccount("x", null, AccountKind.INDIVIDUAL))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("name"));
        assertThatThrownBy(() -> w.messaging.directory().createClientAccount("x", "X", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("kind"));
        assertThatThrownBy(() -> w.messaging.directory().upsertTeamMember(null, "N", TeamRole.AGENT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> w.messaging.directory().upsertTeamMember("bad\u0000id", "N", TeamRole.AGENT))
                .isInstanceOf(InvalidInputException.class);
        assertThat(w.messaging.directory().clientAccount("x")).isEmpty();
    }

    @Test
    void aRemovedTeamMemberLeavesEveryConversationAndTheirMessagesStay() {
        var w = world();
        Message written = w.post(w.agent, w.acme, "hello from the agent");

        w.messaging.directory().removeTeamMember("agent");

        assertThat(w.messaging.conversations().participants(w.owner, w.acme))
                .extracting(Participant::teamMemberId).doesNotContain("agent");
        assertThat(w.history(w.acme)).extracting(Message::id).contains(written.id());
        assertThat(w.history(w.acme).get(0).authorName()).isEqualTo("Aiden Agent");
        assertThatThrownBy(() -> w.messaging.conversations().get(w.agent, w.acme))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRemovedClientUserLosesAccessAndTheirMessagesStay() {
        var w = world();
        w.post(w.bob, w.acme, "bye");

        w.messaging.directory().removeClientUser("bob");

        assertThatThrownBy(() -> w.messaging.conversations().get(w.bob, w.acme)).isInstanceOf(NotFoundException.class);
        assertThat(w.history(w.acme)).extracting(Message::text).containsExactly("bye");
    }

    @Test
    void demotingAnAgentToWatcherTakesAwayWriteEverywhere() {
        var w = world();
        w.messaging.directory().upsertTeamMember("agent", "Aiden Agent", TeamRole.WATCHER);

        assertThat(w.messaging.conversations().participants(w.owner, w.acme))
                .filteredOn(p -> p.teamMemberId().equals("agent"))
                .extracting(Participant::access).containsExactly(Access.READ_ONLY);
        assertThatThrownBy(() -> w.post(w.agent, w.acme, "still here?")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void deletingAnAccountRemovesItsConversationWithEverythingInIt() {
        var w = world();
        Message message = w.post(w.alice, w.acme, "to be deleted");

        w.messaging.directory().deleteClientAccount("acme");

        assertThat(w.messaging.directory().clientAccount("acme")).isEmpty();
        assertThat(w.messaging.directory().clientUser("alice")).isEmpty();
        assertThatThrownBy(() -> w.messaging.conversations().get(w.owner, w.acme)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().edit(w.owner, message.id(), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.messaging.conversations().inbox(w.owner,
                io.clientportal.messaging.model.InboxQuery.first(50)).items())
                .extracting(s -> s.conversation().clientAccountId()).doesNotContain("acme");
        // The account id can be used again, for a brand-new conversation.
        Conversation again = w.messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION);
        assertThat(again.id()).isNotEqualTo(w.acme);
        assertThat(w.history(again.id())).isEmpty();
    }

    @Test
    void directoryReadsAnswerWhatTheHostStored() {
        var w = world();
        assertThat(w.messaging.directory().teamMember("watcher").orElseThrow().role()).isEqualTo(TeamRole.WATCHER);
        assertThat(w.messaging.directory().teamMember("nobody")).isEmpty();
        assertThat(w.messaging.directory().clientAccount("solo").orElseThrow().kind()).isEqualTo(AccountKind.INDIVIDUAL);
    }

    @Test
    void aTeamMemberReadAgainShowsEveryChangeAtOnce() {
        var w = world();
        assertThat(w.messaging.directory().teamMember("newcomer")).isEmpty();
        w.messaging.directory().upsertTeamMember("newcomer", "Nora Newcomer", TeamRole.AGENT);
        assertThat(w.messaging.directory().teamMember("newcomer").orElseThrow().role()).isEqualTo(TeamRole.AGENT);
        w.messaging.directory().upsertTeamMember("newcomer", "Nora Newcomer", TeamRole.WATCHER);
        assertThat(w.messaging.directory().teamMember("newcomer").orElseThrow().role()).isEqualTo(TeamRole.WATCHER);
        w.messaging.directory().removeTeamMember("newcomer");
        assertThat(w.messaging.directory().teamMember("newcomer")).isEmpty();
    }
}

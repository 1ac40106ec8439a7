package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.EventContract.Recorder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversations, participants and the inbox. */
public abstract class ConversationContract extends Contract {

    /** The store under test, for the look-ups the event relay makes in bulk. */
    protected abstract MessagingStore store();

    @Test
    void theStoreLooksUpAccountsAndParticipantAccessInBulk() {
        var w = world();
        ConversationId missing = ConversationId.of("00000000-0000-7000-8000-000000000000");
        store().read(w.messaging.tenantId(), tx -> {
            assertThat(tx.conversations().accounts(List.of(w.acme, w.solo, missing)))
                    .as("accounts of existing conversations, none for a missing id")
                    .isEqualTo(Map.of(w.acme, "acme", w.solo, "solo"));
            assertThat(tx.conversations().participantAccesses(List.of(w.acme, w.solo, missing),
                    List.of("agent", "agent-ro", "watcher", "owner", "nobody")))
                    .as("only the pairs that are participants")
                    .isEqualTo(Map.of(w.acme, Map.of("agent", Access.WRITE, "agent-ro", Access.READ_ONLY,
                            "watcher", Access.READ_ONLY)));
            return null;
        });
        Map<ConversationId, String> elsewhere = store().read("another-tenant",
                tx -> tx.conversations().accounts(List.of(w.acme)));
        assertThat(elsewhere).as("scoped by tenant").isEmpty();
    }

    @Test
    void participantsShowTheAccessTheirRoleGrants() {
        var w = world();
        w.messaging.conversations().addParticipant(w.owner, w.acme, "manager", Access.WRITE);

        assertThat(w.messaging.conversations().participants(w.alice, w.acme)).containsExactly(
                new Participant("agent", "Aiden Agent", TeamRole.AGENT, Access.WRITE),
                new Participant("manager", "Mona Manager", TeamRole.MANAGER, Access.WRITE),
                new Participant("agent-ro", "Rita Readonly", TeamRole.AGENT, Access.READ_ONLY),
                new Participant("watcher", "Walt Watcher", TeamRole.WATCHER, Access.READ_ONLY));
    }

    @Test
    void anAgentsAccessSwitchesBothWays() {
        var w = world();
        assertThat(w.messaging.conversations().changeAccess(w.owner, w.acme, "agent", Access.READ_ONLY).access())
                .isEqualTo(Access.READ_ONLY);
        assertThat(w.messaging.conversations().changeAccess(w.owner, w.acme, "agent", Access.WRITE).access())
                .isEqualTo(Access.WRITE);
        assertThat(w.post(w.agent, w.acme, "back").seq()).isEqualTo(1);
    }

    @Test
    void aWatcherCanNeverBeGivenWrite() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.conversations().changeAccess(w.owner, w.acme, "watcher", Access.WRITE))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("access"));
        assertThatThrownBy(() -> w.messaging.conversations().addParticipant(w.owner, w.solo, "watcher", Access.WRITE))
                .isInstanceOf(InvalidInputException.class);

        assertThat(w.messaging.conversations().participants(w.owner, w.solo)).isEmpty();
        assertThat(w.messaging.conversations().participants(w.owner, w.acme))
                .filteredOn(p -> p.teamMemberId().equals("watcher")).extracting(Participant::access)
                .containsExactly(Access.READ_ONLY);
    }

    @Test
    void anAccessTheRoleWouldOverrideIsRefusedNotPretended() {
        var w = world();
        w.messaging.conversations().addParticipant(w.owner, w.acme, "manager", Access.WRITE);
        Recorder feed = Recorder.subscribe(w, w.owner, null);
        for (String member : List.of("owner", "admin", "manager")) {
            assertRefusedAccess(() -> w.messaging.conversations().addParticipant(w.owner, w.solo, member,
                    Access.READ_ONLY));
        }
        assertRefusedAccess(() -> w.messaging.conversations().changeAccess(w.owner, w.acme, "manager",
                Access.READ_ONLY));
        assertRefusedAccess(() -> w.messaging.conversations().changeAccess(w.owner, w.acme, "watcher", Access.WRITE));
        assertThat(w.messaging.conversations().participants(w.owner, w.solo)).isEmpty();
        assertThat(w.messaging.conversations().participants(w.owner, w.acme))
                .filteredOn(p -> p.teamMemberId().equals("manager")).extracting(Participant::access)
                .containsExactly(Access.WRITE);
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent", Access.READ_ONLY);
        feed.awaitTypes(ParticipantAccessChanged.class);
        feed.subscription.close();
    }

    private static void assertRefusedAccess(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("access"));
    }

    @Test
    void addingAnUnknownTeamMemberOrChangingANonParticipantIsNotFound() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.conversations().addParticipant(w.owner, w.acme, "nobody", Access.WRITE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.conversations().changeAccess(w.owner, w.acme, "agent-out", Access.WRITE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.conversations().removeParticipant(w.owner, w.acme, "agent-out"))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.messaging.conversations().participants(w.owner, w.acme)).hasSize(3);
    }

    @Test
    void addingTwiceKeepsOneParticipant() {
        var w = world();
        w.messaging.conversations().addParticipant(w.owner, w.acme, "agent", Access.WRITE);
        w.messaging.conversations().addParticipant(w.owner, w.acme, "agent", Access.READ_ONLY);
        assertThat(w.messaging.conversations().participants(w.owner, w.acme))
                .filteredOn(p -> p.teamMemberId().equals("agent")).extracting(Participant::access)
                .containsExactly(Access.READ_ONLY);
    }

    @Test
    void theInboxShowsWhatTheActorSeesNewestActivityFirst() {
        var w = world();
        w.post(w.ivan, w.solo, "solo first");
        w.post(w.alice, w.acme, "acme second");

        assertThat(inboxAccounts(w, w.owner)).containsExactly("acme", "solo", "other");
        assertThat(inboxAccounts(w, w.agent)).containsExactly("acme");
        assertThat(inboxAccounts(w, w.outsider)).isEmpty();
        assertThat(inboxAccounts(w, w.bob)).containsExactly("acme");
        w.post(w.olga, w.other, "other third");
        assertThat(inboxAccounts(w, w.manager)).containsExactly("other", "acme", "solo");
    }

    @Test
    void inboxRowsCarryLastMessageUnreadCountAndAccess() {
        var w = world();
        w.post(w.alice, w.acme, "one");
        w.post(w.bob, w.acme, "two");

        ConversationSummary agentRow = w.messaging.conversations().inbox(w.agent, InboxQuery.first(10)).items().get(0);
        assertThat(agentRow.lastMessage().text()).isEqualTo("two");
        assertThat(agentRow.unreadCount()).isEqualTo(2);
        assertThat(agentRow.access()).isEqualTo(Access.WRITE);
        ConversationSummary watcherRow = w.messaging.conversations().inbox(w.watcher, InboxQuery.first(10)).items()
                .get(0);
        assertThat(watcherRow.access()).isEqualTo(Access.READ_ONLY);
        ConversationSummary aliceRow = w.messaging.conversations().inbox(w.alice, InboxQuery.first(10)).items().get(0);
        assertThat(aliceRow.unreadCount()).isEqualTo(1);
        ConversationSummary empty = w.messaging.conversations().inbox(w.owner, InboxQuery.first(10)).items().stream()
                .filter(s -> s.conversation().id().equals(w.other)).findFirst().orElseThrow();
        assertThat(empty.lastMessage()).isNull();
        assertThat(empty.unreadCount()).isZero();
    }

    @Test
    void theInboxPagesWithACursorWithoutRepeatsOrGaps() {
        var w = world();
        for (int i = 0; i < 23; i++) {
            w.messaging.directory().createClientAccount("c" + i, "Client " + i, AccountKind.INDIVIDUAL);
        }
        List<String> seen = new ArrayList<>();
        Page<ConversationSummary> page = w.messaging.conversations().inbox(w.owner, InboxQuery.first(5));
        seen.addAll(page.items().stream().map(s -> s.conversation().clientAccountId()).toList());
        while (page.hasMore()) {
            page = w.messaging.conversations().inbox(w.owner, InboxQuery.first(5).after(page.nextCursor()));
            seen.addAll(page.items().stream().map(s -> s.conversation().clientAccountId()).toList());
        }
        assertThat(seen).hasSize(26).doesNotHaveDuplicates();
    }

    @Test
    void theUnreadFilterKeepsOnlyConversationsWithUnreadMessages() {
        var w = world();
        w.post(w.ivan, w.solo, "unread");
        w.post(w.alice, w.acme, "read soon");
        w.messaging.messages().markRead(w.owner, w.acme, 1);

        assertThat(w.messaging.conversations().inbox(w.owner, InboxQuery.first(10).unreadOnly()).items())
                .extracting(s -> s.conversation().clientAccountId()).containsExactly("solo");
    }

    @Test
    void badInboxQueriesAreRejected() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.conversations().inbox(w.owner, InboxQuery.first(0)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> w.messaging.conversations().inbox(w.owner, InboxQuery.first(10).after("garbage!")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> w.messaging.conversations().inbox(w.stranger, InboxQuery.first(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theInboxPreviewShowsTheLastMessageAsItNowReads() {
        var w = world();
        Attachment file = w.messaging.attachments().upload(w.alice, "draft.txt", "text/plain",
                new ByteArrayInputStream("draft".getBytes(StandardCharsets.UTF_8)));
        Message posted = w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("frist draft").withAttachments(file.id()));

        w.messaging.messages().edit(w.alice, posted.id(), "first draft");
        assertThat(preview(w, w.agent).text()).isEqualTo("first draft");
        assertThat(preview(w, w.bob).editedAt()).isNotNull();

        w.messaging.messages().delete(w.alice, posted.id());
        for (Actor reader : List.of(w.agent, w.bob, w.owner)) {
            Message preview = preview(w, reader);
            assertThat(preview.deleted()).isTrue();
            assertThat(preview.text()).isEmpty();
            assertThat(preview.attachments()).isEmpty();
        }
    }

    @Test
    void aClientsPreviewFollowsAnEditAndADeleteOfItsLastMessageBehindANote() {
        var w = world();
        Message posted = w.post(w.alice, w.acme, "frist");
        w.messaging.messages().post(w.agent, w.acme, NewMessage.note("for the team"));

        w.messaging.messages().edit(w.alice, posted.id(), "first");
        Message clients = preview(w, w.bob);
        assertThat(clients.text()).isEqualTo("first");
        assertThat(clients.editedAt()).isNotNull();
        assertThat(clients.seq()).isEqualTo(1);
        assertThat(preview(w, w.agent).text()).isEqualTo("for the team");

        w.messaging.messages().delete(w.alice, posted.id());
        assertThat(preview(w, w.bob).deleted()).isTrue();
        assertThat(preview(w, w.bob).text()).isEmpty();
        assertThat(preview(w, w.agent).internal()).isTrue();
    }

    /** The last message of acme's row in the reader's inbox. */
    private static Message preview(ContractFixture w, Actor reader) {
        return w.messaging.conversations().inbox(reader, InboxQuery.first(50)).items().stream()
                .filter(s -> s.conversation().id().equals(w.acme)).findFirst().orElseThrow().lastMessage();
    }

    private static List<String> inboxAccounts(ContractFixture w, io.clientportal.messaging.Actor actor) {
        return w.messaging.conversations().inbox(actor, InboxQuery.first(50)).items().stream()
                .map(s -> s.conversation().clientAccountId()).toList();
    }
}

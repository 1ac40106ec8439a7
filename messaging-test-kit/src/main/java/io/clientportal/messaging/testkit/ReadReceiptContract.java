package io.clientportal.messaging.testkit;

import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.ReadReceipt;
import io.clientportal.messaging.model.ReadReceipt.Reader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Read receipts: the team is told every reader by name in team seqs; a client the client users of its account and
 * the team as one reader, counting only members who may post there; the feed's reads follow the same rule.
 */
public abstract class ReadReceiptContract extends Contract {

    /**
     * acme: 1 alice "one", 2 a note by the agent, 3 bob "two" (client seq 2); the agent's horizon at the note, the
     * watcher's and the read-only agent's at 3, the owner's at 1.
     */
    private static void readAround(ContractFixture w) {
        w.post(w.alice, w.acme, "one");
        w.messaging.messages().post(w.agent, w.acme, NewMessage.note("for the team"));
        w.post(w.bob, w.acme, "two");
        w.messaging.messages().markRead(w.watcher, w.acme, 3);
        w.messaging.messages().markRead(w.readOnlyAgent, w.acme, 3);
        w.messaging.messages().markRead(w.owner, w.acme, 1);
    }

    private static ReadReceipt receipt(Reader.Kind kind, String id, String name, long seq) {
        return new ReadReceipt(new Reader(kind, id), name, seq);
    }

    @Test
    void theTeamIsToldEveryReaderByNameInTeamSeqs() {
        var w = world();
        readAround(w);

        assertThat(w.messaging.messages().readReceipts(w.agent, w.acme)).containsExactly(
                receipt(Reader.Kind.CLIENT_USER, "bob", "Bob", 3),
                receipt(Reader.Kind.TEAM_MEMBER, "agent-ro", "Rita Readonly", 3),
                receipt(Reader.Kind.TEAM_MEMBER, "watcher", "Walt Watcher", 3),
                receipt(Reader.Kind.TEAM_MEMBER, "agent", "Aiden Agent", 2),
                receipt(Reader.Kind.CLIENT_USER, "alice", "Alice", 1),
                receipt(Reader.Kind.TEAM_MEMBER, "owner", "Olivia Owner", 1));
        // A manager who takes no part sees the same; a watcher too.
        assertThat(w.messaging.messages().readReceipts(w.manager, w.acme))
                .isEqualTo(w.messaging.messages().readReceipts(w.watcher, w.acme));
    }

    @Test
    void aClientIsToldItsAccountsUsersAndTheTeamAsOneReaderWhoMayPost() {
        var w = world();
        readAround(w);

        // The agent's horizon is at the note: in the clients' view the message before it, 1; the watcher's and the
        // read-only agent's (at 3) are never told to clients.
        assertThat(w.messaging.messages().readReceipts(w.alice, w.acme)).containsExactly(
                receipt(Reader.Kind.CLIENT_USER, "bob", "Bob", 2),
                receipt(Reader.Kind.CLIENT_USER, "alice", "Alice", 1),
                new ReadReceipt(Reader.TEAM, "Team", 1));

        w.messaging.messages().markRead(w.agent, w.acme, 3);
        assertThat(w.messaging.messages().readReceipts(w.bob, w.acme)).containsExactly(
                receipt(Reader.Kind.CLIENT_USER, "bob", "Bob", 2),
                new ReadReceipt(Reader.TEAM, "Team", 2),
                receipt(Reader.Kind.CLIENT_USER, "alice", "Alice", 1));
    }

    @Test
    void aWatchersReadAloneShowsNoTeamToClients() {
        var w = world();
        w.post(w.alice, w.acme, "hello");
        w.messaging.messages().markRead(w.watcher, w.acme, 1);
        w.messaging.messages().markRead(w.readOnlyAgent, w.acme, 1);

        assertThat(w.messaging.messages().readReceipts(w.bob, w.acme)).containsExactly(
                receipt(Reader.Kind.CLIENT_USER, "alice", "Alice", 1));
        // Downgraded, an agent's reads stop counting for clients; given WRITE, they count.
        w.messaging.messages().markRead(w.agent, w.acme, 1);
        assertThat(w.messaging.messages().readReceipts(w.bob, w.acme))
                .contains(new ReadReceipt(Reader.TEAM, "Team", 1));
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent",
                io.clientportal.messaging.model.Access.READ_ONLY);
        assertThat(w.messaging.messages().readReceipts(w.bob, w.acme)).containsExactly(
                receipt(Reader.Kind.CLIENT_USER, "alice", "Alice", 1));
    }

    @Test
    void readersWhoReadNothingAreLeftOut() {
        var w = world();
        assertThat(w.messaging.messages().readReceipts(w.owner, w.acme)).isEmpty();
        assertThat(w.messaging.messages().readReceipts(w.alice, w.acme)).isEmpty();
        w.post(w.ivan, w.solo, "hi");
        assertThat(w.messaging.messages().readReceipts(w.owner, w.solo)).containsExactly(
                receipt(Reader.Kind.CLIENT_USER, "ivan", "Ivan", 1));
    }

    @Test
    void whoMayNotSeeTheConversationIsToldItDoesNotExist() {
        var w = world();
        readAround(w);
        ConversationId missing = new ConversationId(UUID.randomUUID());
        for (var actor : List.of(w.outsider, w.stranger, w.olga, w.ivan, w.ghost)) {
            assertThatThrownBy(() -> w.messaging.messages().readReceipts(actor, w.acme))
                    .as(actor.toString()).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> w.messaging.messages().readReceipts(w.owner, missing))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aClientsFeedTellsReadsByTheSameRuleLiveAndReplayed() {
        var w = world();
        EventContract.Recorder bob = EventContract.Recorder.subscribe(w, w.bob, null);
        EventContract.Recorder owner = EventContract.Recorder.subscribe(w, w.owner, null);
        String start = bob.subscription.startEventId();

        w.post(w.alice, w.acme, "one");
        w.messaging.messages().markRead(w.watcher, w.acme, 1);         // never told to clients
        w.messaging.messages().markRead(w.readOnlyAgent, w.acme, 1);   // never told to clients
        w.messaging.messages().markRead(w.agent, w.acme, 1);           // told as the team's
        w.post(w.alice, w.acme, "two");

        owner.awaitTypes(MessagePosted.class, ConversationRead.class, ConversationRead.class, ConversationRead.class,
                MessagePosted.class);
        assertThat(owner.events).filteredOn(e -> e instanceof ConversationRead)
                .extracting(e -> ((ConversationRead) e).reader())
                .containsExactly(w.watcher, w.readOnlyAgent, w.agent);
        bob.awaitTypes(MessagePosted.class, ConversationRead.class, MessagePosted.class);
        assertTeamRead(bob.events);

        EventContract.Recorder replay = EventContract.Recorder.subscribe(w, w.alice, start);
        replay.awaitTypes(MessagePosted.class, ConversationRead.class, MessagePosted.class);
        assertTeamRead(replay.events);
        bob.subscription.close();
        owner.subscription.close();
        replay.subscription.close();
    }

    private static void assertTeamRead(List<MessagingEvent> events) {
        ConversationRead read = (ConversationRead) events.get(1);
        assertThat(read.byTeam()).isTrue();
        assertThat(read.reader()).isNull();
        assertThat(read.seq()).isEqualTo(1);
        assertThat(events.toString()).doesNotContain("watcher").doesNotContain("agent");
    }
}

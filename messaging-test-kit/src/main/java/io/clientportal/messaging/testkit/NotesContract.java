package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Internal notes: the team sees them in the timeline, in team seqs; a client never learns that they exist, on any
 * path (history, message by id, inbox, unread, the conversation's last seq and time, events live and replayed,
 * attachments), and is given its own gap-free seqs.
 */
public abstract class NotesContract extends Contract {

    private static Message note(ContractFixture w, Actor author, String text) {
        return w.messaging.messages().post(author, w.acme, NewMessage.note(text));
    }

    private static List<Message> history(ContractFixture w, Actor actor, HistoryQuery query) {
        return w.messaging.messages().history(actor, w.acme, query).items();
    }

    /** What a client can observe of its conversation, to compare before and after a note. */
    private record ClientView(List<Message> history, Conversation conversation, ConversationSummary inboxRow,
                              long unread) {
    }

    private static ClientView clientView(ContractFixture w, Actor client) {
        return new ClientView(history(w, client, HistoryQuery.latest(50)), w.messaging.conversations().get(client,
                w.acme), w.messaging.conversations().inbox(client, InboxQuery.first(10)).items().get(0),
                w.messaging.messages().unreadTotal(client));
    }

    @Test
    void theTeamPostsNotesButWatchersAndClientsDoNot() {
        var w = world();
        w.post(w.alice, w.acme, "hello");
        for (Actor member : List.of(w.owner, w.admin, w.manager, w.agent, w.readOnlyAgent)) {
            Message posted = note(w, member, "note by " + member.id());
            assertThat(posted.internal()).isTrue();
        }
        List<Message> before = w.history(w.acme);

        assertThatThrownBy(() -> note(w, w.watcher, "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> note(w, w.alice, "no")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> note(w, w.outsider, "no")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().post(w.ivan, w.solo, NewMessage.note("no")))
                .isInstanceOf(NotFoundException.class);

        assertThat(w.history(w.acme)).isEqualTo(before);
        assertThat(w.messaging.messages().history(w.ivan, w.solo, HistoryQuery.latest(10)).items()).isEmpty();
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(6);
    }

    @Test
    void aClientsHistoryHasNoNoteAndNoGapWhileTheTeamSeesTheWholeTimeline() {
        var w = world();
        w.post(w.alice, w.acme, "one");
        note(w, w.agent, "secret 1");
        w.post(w.agent, w.acme, "two");
        note(w, w.owner, "secret 2");
        note(w, w.readOnlyAgent, "secret 3");
        w.post(w.bob, w.acme, "three");

        List<Message> team = history(w, w.watcher, HistoryQuery.latest(50));
        assertThat(team).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(team).extracting(Message::internal).containsExactly(false, true, false, true, true, false);

        List<Message> client = history(w, w.alice, HistoryQuery.latest(50));
        assertThat(client).extracting(Message::text).containsExactly("one", "two", "three");
        assertThat(client).extracting(Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(client).noneMatch(Message::internal);
        // Paging is in the client's seqs.
        assertThat(history(w, w.alice, HistoryQuery.before(3, 1))).extracting(Message::text).containsExactly("two");
        assertThat(history(w, w.alice, HistoryQuery.after(1, 5))).extracting(Message::text)
                .containsExactly("two", "three");
        assertThat(history(w, w.alice, HistoryQuery.after(3, 5))).isEmpty();
        var page = w.messaging.messages().history(w.alice, w.acme, HistoryQuery.latest(2));
        assertThat(page.items()).extracting(Message::text).containsExactly("two", "three");
        assertThat(page.nextCursor()).isEqualTo("2");
        // Each message a client is given by id carries its client seq; a note is not found.
        Message two = client.get(1);
        assertThat(w.messaging.messages().get(w.alice, two.id()).seq()).isEqualTo(2);
        assertThat(w.messaging.messages().get(w.agent, two.id()).seq()).isEqualTo(3);
        for (Message secret : team.stream().filter(Message::internal).toList()) {
            assertThatThrownBy(() -> w.messaging.messages().get(w.alice, secret.id()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage(notFoundMessageOf(w, secret));
            assertThat(w.messaging.messages().get(w.watcher, secret.id()).text()).isEqualTo(secret.text());
        }
    }

    /** A note answers a client exactly as a message id that does not exist. */
    private static String notFoundMessageOf(ContractFixture w, Message secret) {
        try {
            w.messaging.messages().get(w.alice, new io.clientportal.messaging.model.MessageId(secret.id().value()));
        } catch (NotFoundException e) {
            return e.getMessage();
        }
        return "";
    }

    @Test
    void aNoteChangesNothingAClientSees() {
        var w = world();
        w.post(w.agent, w.acme, "visible");
        ClientView before = clientView(w, w.alice);
        w.clock.advance(java.time.Duration.ofMinutes(5));

        note(w, w.agent, "secret");
        note(w, w.owner, "secret too");

        assertThat(clientView(w, w.alice)).isEqualTo(before);
        assertThat(before.conversation().lastSeq()).isEqualTo(1);
        assertThat(before.inboxRow().lastMessage().text()).isEqualTo("visible");
        assertThat(before.unread()).isEqualTo(1);
        Conversation ofAccount = w.messaging.conversations().conversationOf(w.alice, "acme");
        assertThat(ofAccount).isEqualTo(before.conversation());
        // The team sees the notes as the conversation's last messages.
        Conversation team = w.messaging.conversations().get(w.owner, w.acme);
        assertThat(team.lastSeq()).isEqualTo(3);
        assertThat(team.lastMessageAt()).isAfter(before.conversation().lastMessageAt());
        ConversationSummary teamRow = w.messaging.conversations().inbox(w.watcher, InboxQuery.first(10)).items()
                .get(0);
        assertThat(teamRow.lastMessage().text()).isEqualTo("secret too");
        assertThat(teamRow.unreadCount()).isEqualTo(3);
    }

    @Test
    void notesAreUnreadForTheTeamOnlyAndDeletingOneChangesOnlyTheTeamsCounts() {
        var w = world();
        w.post(w.alice, w.acme, "question");
        Message secret = note(w, w.agent, "secret");
        w.post(w.agent, w.acme, "answer");

        assertThat(w.messaging.messages().unreadTotal(w.watcher)).isEqualTo(3);
        assertThat(w.messaging.messages().unreadTotal(w.owner)).isEqualTo(3);
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isEqualTo(2);
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(1);

        // A client reads in its own seqs: 2 is the answer, the last it sees.
        w.messaging.messages().markRead(w.bob, w.acme, 2);
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isZero();
        w.messaging.messages().markRead(w.bob, w.acme, 99);
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isZero();
        w.messaging.messages().markRead(w.alice, w.acme, 1);
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(1);
        w.messaging.messages().markRead(w.alice, w.acme, 2);
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isZero();
        ConversationSummary aliceRow = w.messaging.conversations().inbox(w.alice, InboxQuery.first(10)).items().get(0);
        assertThat(aliceRow.unreadCount()).isZero();

        w.messaging.messages().delete(w.agent, secret.id());
        assertThat(w.messaging.messages().unreadTotal(w.watcher)).isEqualTo(2);
        assertThat(w.messaging.messages().unreadTotal(w.owner)).isEqualTo(2);
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isZero();
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isZero();
        w.post(w.agent, w.acme, "more");
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(1);
        assertThat(history(w, w.alice, HistoryQuery.latest(10))).extracting(Message::seq)
                .containsExactly(1L, 2L, 3L);
        // Deleting a visible message takes it out of a client's counts over client seqs.
        Message more = history(w, w.alice, HistoryQuery.latest(10)).get(2);
        w.messaging.messages().delete(w.agent, more.id());
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isZero();
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isZero();
    }

    @Test
    void aClientCanNotEditOrDeleteANoteAndItsAuthorCan() {
        var w = world();
        Message secret = note(w, w.readOnlyAgent, "draft");
        assertThatThrownBy(() -> w.messaging.messages().edit(w.alice, secret.id(), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().delete(w.alice, secret.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().edit(w.agent, secret.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(w.messaging.messages().get(w.owner, secret.id()).text()).isEqualTo("draft");

        Message edited = w.messaging.messages().edit(w.readOnlyAgent, secret.id(), "final");
        assertThat(edited.internal()).isTrue();
        assertThat(edited.text()).isEqualTo("final");
        w.messaging.messages().delete(w.owner, secret.id());
        assertThat(w.messaging.messages().get(w.agent, secret.id()).deleted()).isTrue();
        assertThat(history(w, w.alice, HistoryQuery.latest(10))).isEmpty();
    }

    @Test
    void aNotesAttachmentIsNotFoundForAClient() throws Exception {
        var w = world();
        Attachment file = AttachmentContract.upload(w, w.agent, "plan.txt", "text/plain",
                "the plan".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Message secret = w.messaging.messages().post(w.agent, w.acme, NewMessage.note("see file")
                .withAttachments(file.id()));
        assertThat(secret.attachments()).extracting(Attachment::id).containsExactly(file.id());

        assertThatThrownBy(() -> w.messaging.attachments().open(w.alice, file.id()))
                .isInstanceOf(NotFoundException.class);
        try (var content = w.messaging.attachments().open(w.watcher, file.id())) {
            assertThat(content.attachment().id()).isEqualTo(file.id());
        }
    }

    @Test
    void aClientsEventsLiveAndReplayedCarryNoNoteAndClientSeqs() {
        var w = world();
        EventContract.Recorder alice = EventContract.Recorder.subscribe(w, w.alice, null);
        EventContract.Recorder agent = EventContract.Recorder.subscribe(w, w.agent, null);
        String start = alice.subscription.startEventId();

        w.post(w.alice, w.acme, "one");
        Message secret = note(w, w.agent, "secret");
        w.messaging.messages().edit(w.agent, secret.id(), "secret, edited");
        w.messaging.messages().markRead(w.owner, w.acme, 2);   // up to the note: not told to clients
        w.post(w.agent, w.acme, "two");
        w.messaging.messages().delete(w.agent, secret.id());
        w.messaging.messages().markRead(w.owner, w.acme, 3);   // up to "two": told to clients as their 2
        w.messaging.messages().markRead(w.bob, w.acme, 2);

        agent.awaitTypes(MessagePosted.class, MessagePosted.class, MessageEdited.class, ConversationRead.class,
                MessagePosted.class, MessageDeleted.class, ConversationRead.class, ConversationRead.class);
        assertThat(((MessagePosted) agent.events.get(1)).message().internal()).isTrue();
        assertThat(((ConversationRead) agent.events.get(6)).seq()).isEqualTo(3);
        assertThat(((ConversationRead) agent.events.get(7)).seq()).isEqualTo(3);
        alice.awaitTypes(MessagePosted.class, MessagePosted.class, ConversationRead.class, ConversationRead.class);
        assertClientEvents(alice.events);

        // A replay from the start shows the same.
        EventContract.Recorder replay = EventContract.Recorder.subscribe(w, w.bob, start);
        replay.awaitTypes(MessagePosted.class, MessagePosted.class, ConversationRead.class, ConversationRead.class);
        assertClientEvents(replay.events);
        alice.subscription.close();
        agent.subscription.close();
        replay.subscription.close();
    }

    private static void assertClientEvents(List<MessagingEvent> events) {
        assertThat(events).noneMatch(e -> e instanceof MessagePosted p && p.message().internal());
        assertThat(((MessagePosted) events.get(0)).message().seq()).isEqualTo(1);
        assertThat(((MessagePosted) events.get(1)).message().seq()).isEqualTo(2);
        assertThat(((MessagePosted) events.get(1)).message().text()).isEqualTo("two");
        // The owner's read is told as the team's, never naming the member.
        assertThat(((ConversationRead) events.get(2)).byTeam()).isTrue();
        assertThat(((ConversationRead) events.get(2)).reader()).isNull();
        assertThat(((ConversationRead) events.get(2)).seq()).isEqualTo(2);
        assertThat(((ConversationRead) events.get(3)).reader()).isEqualTo(Actor.clientUser("bob"));
        assertThat(((ConversationRead) events.get(3)).seq()).isEqualTo(2);
        assertThat(events).noneMatch(e -> e instanceof ConversationRead r && r.seq() > 2);
        assertThat(events.toString()).doesNotContain("secret");
    }

    @Test
    void aNotesEventsReachNoClientEvenAfterLaterMessages() {
        var w = world();
        EventContract.Recorder ivan = EventContract.Recorder.subscribe(w, w.alice, null);
        note(w, w.owner, "secret");
        w.post(w.agent, w.acme, "after");
        await().until(() -> ivan.events.size() >= 1);
        assertThat(ivan.texts()).containsExactly("after");
        ivan.subscription.close();
    }

    @Test
    void anAnnouncementAfterANoteReachesAClientInItsSeqsAndItsReadIsCounted() {
        var w = world();
        w.post(w.alice, w.acme, "one");
        note(w, w.owner, "secret");
        EventContract.Recorder alice = EventContract.Recorder.subscribe(w, w.alice, null);

        Announcement sent = w.messaging.announcements().send(w.owner,
                NewAnnouncement.toClients(List.of("acme"), "news"));
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> w.messaging.announcements()
                .get(w.owner, sent.id()).status() == Announcement.Status.DELIVERED);

        alice.awaitTypes(MessagePosted.class);
        assertThat(((MessagePosted) alice.events.get(0)).message().seq()).isEqualTo(2);
        assertThat(history(w, w.alice, HistoryQuery.latest(10))).extracting(Message::seq).containsExactly(1L, 2L);
        assertThat(history(w, w.owner, HistoryQuery.latest(10))).extracting(Message::seq)
                .containsExactly(1L, 2L, 3L);
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(1);
        assertThat(w.messaging.conversations().get(w.bob, w.acme).lastSeq()).isEqualTo(2);

        w.messaging.messages().markRead(w.bob, w.acme, 2);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> w.messaging.announcements()
                .get(w.owner, sent.id()).readCount() == 1);
        alice.subscription.close();
    }
}

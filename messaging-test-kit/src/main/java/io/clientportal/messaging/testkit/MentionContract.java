package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.event.MentionReceived;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingNotifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * @mentions: who may be mentioned, the mentioned member's unread mention counts (per conversation and in total) as
 * they are read, deleted and lose their reader, the "mentioning me" inbox, and the events only the mentioned get.
 */
public abstract class MentionContract extends Contract {

    /** An engine over the same store with the notifier registered (webhooks are one); the caller closes it. */
    protected abstract Messaging nodeWith(MessagingNotifier notifier);

    private static Message mention(ContractFixture w, Actor poster, ConversationId id, String text, String... ids) {
        return w.messaging.messages().post(poster, id, NewMessage.text(text).withMentions(ids));
    }

    private static long total(ContractFixture w, Actor actor) {
        return w.messaging.messages().mentionTotal(actor);
    }

    private static long countIn(ContractFixture w, Actor actor, ConversationId id) {
        return w.messaging.conversations().inbox(actor, InboxQuery.first(50)).items().stream()
                .filter(s -> s.conversation().id().equals(id)).mapToLong(ConversationSummary::mentionCount)
                .findFirst().orElseThrow();
    }

    private static List<ConversationId> mentioningMe(ContractFixture w, Actor actor) {
        return w.messaging.conversations().inbox(actor, InboxQuery.first(50).mentioningMe()).items().stream()
                .map(s -> s.conversation().id()).toList();
    }

    @Test
    void theMentionedGetACountPerConversationAndInTotalAndTheMessageCarriesTheIds() {
        var w = world();
        Message posted = mention(w, w.agent, w.acme, "@Mona @Walt @Mona have a look", "manager", "watcher",
                "manager");
        mention(w, w.owner, w.solo, "@Mona here too", "manager");

        assertThat(posted.mentions()).containsExactly("manager", "watcher");
        assertThat(w.history(w.acme).get(0).mentions()).containsExactly("manager", "watcher");
        assertThat(total(w, w.manager)).isEqualTo(2);
        assertThat(countIn(w, w.manager, w.acme)).isEqualTo(1);
        assertThat(countIn(w, w.manager, w.solo)).isEqualTo(1);
        assertThat(total(w, w.watcher)).isEqualTo(1);
        assertThat(countIn(w, w.agent, w.acme)).isZero();
        assertThat(total(w, w.agent)).isZero();
        assertThat(total(w, w.alice)).isZero();
        assertThat(w.messaging.conversations().inbox(w.alice, InboxQuery.first(5)).items().get(0).mentionCount())
                .isZero();
    }

    @Test
    void aMentionOfThePosterThemselvesCountsNothing() {
        var w = world();
        Message posted = mention(w, w.agent, w.acme, "note to self", "agent");

        assertThat(posted.mentions()).containsExactly("agent");
        assertThat(total(w, w.agent)).isZero();
    }

    @Test
    void readingUpToTheMessageOrPostingAfterItClearsTheMention() {
        var w = world();
        w.post(w.alice, w.acme, "1");
        mention(w, w.agent, w.acme, "@Mona 2", "manager", "watcher");
        mention(w, w.agent, w.acme, "@Mona 3", "manager");

        w.messaging.messages().markRead(w.manager, w.acme, 1);
        assertThat(total(w, w.manager)).isEqualTo(2);
        w.messaging.messages().markRead(w.manager, w.acme, 2);
        assertThat(total(w, w.manager)).isEqualTo(1);
        assertThat(countIn(w, w.manager, w.acme)).isEqualTo(1);
        w.post(w.manager, w.acme, "on it");
        assertThat(total(w, w.manager)).isZero();
        assertThat(countIn(w, w.manager, w.acme)).isZero();
        assertThat(total(w, w.watcher)).isEqualTo(1);
    }

    @Test
    void deletingTheMessageTakesItsMentionsAway() {
        var w = world();
        Message posted = mention(w, w.agent, w.acme, "@Mona oops", "manager");
        mention(w, w.agent, w.acme, "@Mona kept", "manager");

        w.messaging.messages().delete(w.agent, posted.id());

        assertThat(total(w, w.manager)).isEqualTo(1);
        assertThat(w.history(w.acme).get(0).mentions()).isEmpty();
    }

    @Test
    void editingKeepsTheMentions() {
        var w = world();
        Message posted = mention(w, w.agent, w.acme, "@Mona typo", "manager");

        Message edited = w.messaging.messages().edit(w.agent, posted.id(), "@Mona fixed");

        assertThat(edited.mentions()).containsExactly("manager");
        assertThat(total(w, w.manager)).isEqualTo(1);
    }

    @Test
    void leavingTheConversationTakesTheMemberMentionsThereAway() {
        var w = world();
        mention(w, w.agent, w.acme, "@Walt", "watcher");
        mention(w, w.agent, w.acme, "@Walt again", "watcher");

        w.messaging.conversations().removeParticipant(w.owner, w.acme, "watcher");
        assertThat(total(w, w.watcher)).isZero();
        w.messaging.conversations().addParticipant(w.owner, w.acme, "watcher", Access.READ_ONLY);

        assertThat(total(w, w.watcher)).isZero();
        assertThat(mentioningMe(w, w.watcher)).isEmpty();
    }

    @Test
    void leavingTheDirectoryTakesTheMemberMentionsAway() {
        var w = world();
        mention(w, w.agent, w.acme, "@Walt", "watcher");

        w.messaging.directory().removeTeamMember("watcher");
        w.messaging.directory().upsertTeamMember("watcher", "Walt Watcher", TeamRole.WATCHER);
        w.messaging.conversations().addParticipant(w.owner, w.acme, "watcher", Access.READ_ONLY);

        assertThat(total(w, w.watcher)).isZero();
    }

    @Test
    void deletingTheClientAccountTakesItsMentionsAway() {
        var w = world();
        mention(w, w.owner, w.solo, "@Mona", "manager");
        mention(w, w.agent, w.acme, "@Mona", "manager");

        w.messaging.directory().deleteClientAccount("solo");

        assertThat(total(w, w.manager)).isEqualTo(1);
        assertThat(mentioningMe(w, w.manager)).containsExactly(w.acme);
    }

    @Test
    void aMemberWhoNoLongerSeesTheConversationIsNotShownItsMentions() {
        var w = world();
        mention(w, w.owner, w.solo, "@Mona", "manager");

        w.messaging.directory().upsertTeamMember("manager", "Mona Manager", TeamRole.AGENT);

        assertThat(total(w, w.manager)).isZero();
        assertThat(mentioningMe(w, w.manager)).isEmpty();
    }

    @Test
    void mentioningSomeoneWhoCantSeeTheConversationIsRefusedAndChangesNothing() {
        var w = world();
        mention(w, w.agent, w.acme, "@Mona first", "manager");
        EventContract.Recorder manager = EventContract.Recorder.subscribe(w, w.manager, null);
        long lastSeq = w.messaging.conversations().get(w.owner, w.acme).lastSeq();

        for (String bad : List.of("agent-out", "nobody")) {
            assertThatThrownBy(() -> mention(w, w.agent, w.acme, "@Mona @X", "manager", bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("mentions");
                        assertThat(e.getMessage()).contains(bad);
                    });
        }
        // Asking to add them is refused too when the poster may not manage participants.
        assertThatThrownBy(() -> w.messaging.messages().post(w.agent, w.acme,
                NewMessage.text("@Otto").withMentions("agent-out").addingMentioned()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("mentions"));
        w.post(w.alice, w.acme, "after");

        manager.awaitTypes(MessagePosted.class);
        assertThat(manager.texts()).containsExactly("after");
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(lastSeq + 1);
        assertThat(w.history(w.acme)).extracting(Message::text).containsExactly("@Mona first", "after");
        assertThat(total(w, w.manager)).isEqualTo(1);
        assertThat(total(w, w.outsider)).isZero();
        assertThat(w.messaging.conversations().participants(w.owner, w.acme))
                .extracting(Participant::teamMemberId).doesNotContain("agent-out");
    }

    @Test
    void tooManyMentionsAreRefused() {
        var w = world();
        String[] many = IntStream.rangeClosed(1, 21).mapToObj(i -> "m" + i).toArray(String[]::new);

        assertThatThrownBy(() -> mention(w, w.owner, w.acme, "everyone", many))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("mentions"));
        assertThat(w.history(w.acme)).isEmpty();
    }

    @Test
    void aPosterWhoManagesParticipantsAddsTheMentionedWhenAsked() {
        var w = world();
        Message posted = w.messaging.messages().post(w.owner, w.solo,
                NewMessage.text("@Otto @Walt please join").withMentions("agent-out", "watcher").addingMentioned());

        assertThat(posted.mentions()).containsExactly("agent-out", "watcher");
        assertThat(w.messaging.conversations().participants(w.owner, w.solo))
                .extracting(Participant::teamMemberId, Participant::access)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("agent-out", Access.WRITE),
                        org.assertj.core.groups.Tuple.tuple("watcher", Access.READ_ONLY));
        assertThat(total(w, w.outsider)).isEqualTo(1);
        assertThat(mentioningMe(w, w.outsider)).containsExactly(w.solo);
    }

    @Test
    void clientsMayMentionTheTeamMembersWhoSeeTheirConversation() {
        var w = world();
        mention(w, w.alice, w.acme, "@Aiden question", "agent");
        assertThat(total(w, w.agent)).isEqualTo(1);

        assertThatThrownBy(() -> w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("@Otto").withMentions("agent-out").addingMentioned()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("mentions"));
        assertThat(total(w, w.outsider)).isZero();
    }

    @Test
    void theMentioningMeInboxListsConversationsWithUnreadMentionsNewestFirstInPages() {
        var w = world();
        mention(w, w.owner, w.solo, "@Mona 1", "manager");
        w.clock.advance(Duration.ofSeconds(1));
        mention(w, w.agent, w.acme, "@Mona 2", "manager");
        w.clock.advance(Duration.ofSeconds(1));
        w.post(w.olga, w.other, "no mention");
        w.clock.advance(Duration.ofSeconds(1));
        mention(w, w.owner, w.solo, "@Mona 3", "manager");

        Page<ConversationSummary> first = w.messaging.conversations().inbox(w.manager,
                InboxQuery.first(1).mentioningMe());
        assertThat(first.items()).extracting(s -> s.conversation().id()).containsExactly(w.solo);
        assertThat(first.items().get(0).mentionCount()).isEqualTo(2);
        assertThat(first.items().get(0).unreadCount()).isEqualTo(2);
        assertThat(first.items().get(0).lastMessage().text()).isEqualTo("@Mona 3");
        Page<ConversationSummary> second = w.messaging.conversations().inbox(w.manager,
                InboxQuery.first(1).mentioningMe().after(first.nextCursor()));
        assertThat(second.items()).extracting(s -> s.conversation().id()).containsExactly(w.acme);
        assertThat(second.hasMore()).isFalse();

        w.messaging.messages().markRead(w.manager, w.solo, 99);
        assertThat(mentioningMe(w, w.manager)).containsExactly(w.acme);
        assertThat(mentioningMe(w, w.owner)).isEmpty();
        assertThat(mentioningMe(w, w.alice)).isEmpty();
    }

    @Test
    void onlyTheMentionedMemberGetsTheMentionEvent() {
        var w = world();
        EventContract.Recorder manager = EventContract.Recorder.subscribe(w, w.manager, null);
        EventContract.Recorder admin = EventContract.Recorder.subscribe(w, w.admin, null);
        EventContract.Recorder alice = EventContract.Recorder.subscribe(w, w.alice, null);

        Message posted = mention(w, w.agent, w.acme, "@Mona", "manager");

        manager.awaitTypes(MessagePosted.class, MentionReceived.class);
        MentionReceived received = (MentionReceived) manager.events.get(1);
        assertThat(received.teamMemberId()).isEqualTo("manager");
        assertThat(received.messageId()).isEqualTo(posted.id());
        assertThat(received.seq()).isEqualTo(posted.seq());
        assertThat(received.conversationId()).isEqualTo(w.acme);
        assertThat(((MessagePosted) manager.events.get(0)).message().mentions()).containsExactly("manager");
        admin.awaitTypes(MessagePosted.class);
        alice.awaitTypes(MessagePosted.class);
        w.post(w.bob, w.acme, "next");
        admin.awaitTypes(MessagePosted.class, MessagePosted.class);
        alice.awaitTypes(MessagePosted.class, MessagePosted.class);
    }

    @Test
    void notifiersGetEveryMentionEvent() {
        var w = world();
        List<MessagingEvent> received = new CopyOnWriteArrayList<>();
        try (Messaging node = nodeWith(received::add)) {
            Message posted = mention(w, w.agent, w.acme, "@Mona @Walt", "manager", "watcher");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received.stream()
                    .filter(e -> e instanceof MentionReceived m && m.messageId().equals(posted.id()))
                    .map(e -> ((MentionReceived) e).teamMemberId()))
                    .containsExactlyInAnyOrder("manager", "watcher"));
        }
    }
}

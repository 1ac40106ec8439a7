package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.StreamReset;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spi.MessagingNotifier;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The real-time feed: what each actor sees, in order, resumable, and cut off the moment access ends. */
public abstract class EventContract extends Contract {

    /** An engine over the same store with the notifier registered; the caller closes it. */
    protected abstract Messaging nodeWith(MessagingNotifier notifier);

    @Test
    void subscribersGetCommittedChangesOfConversationsTheySee() {
        var w = world();
        Recorder agent = Recorder.subscribe(w, w.agent, null);
        Recorder ivan = Recorder.subscribe(w, w.ivan, null);

        Message hello = w.post(w.alice, w.acme, "hello");
        // Each change is awaited before the next: an event still on its way when a later edit or delete commits
        // already carries the message as it then is.
        agent.awaitTypes(MessagePosted.class);
        w.messaging.messages().edit(w.alice, hello.id(), "hello!");
        agent.awaitTypes(MessagePosted.class, MessageEdited.class);
        w.messaging.messages().markRead(w.bob, w.acme, 1);
        w.messaging.messages().delete(w.alice, hello.id());
        w.post(w.ivan, w.solo, "ivan's");

        agent.awaitTypes(MessagePosted.class, MessageEdited.class, ConversationRead.class, MessageDeleted.class);
        assertThat(((MessagePosted) agent.events.get(0)).message().text()).isEqualTo("hello");
        assertThat(((MessageEdited) agent.events.get(1)).message().text()).isEqualTo("hello!");
        ivan.awaitTypes(MessagePosted.class);
        assertThat(ivan.events).allSatisfy(e -> assertThat(e.conversationId()).isEqualTo(w.solo));
        assertThat(agent.events).allSatisfy(e -> assertThat(e.conversationId()).isEqualTo(w.acme));
        assertThat(agent.events).extracting(MessagingEvent::eventId).isSorted();
    }

    @Test
    void aSubscriptionFromNowSkipsWhatCameBefore() {
        var w = world();
        w.post(w.alice, w.acme, "before");
        Recorder bob = Recorder.subscribe(w, w.bob, null);
        w.post(w.alice, w.acme, "after");

        bob.awaitTypes(MessagePosted.class);
        assertThat(((MessagePosted) bob.events.get(0)).message().text()).isEqualTo("after");
    }

    @Test
    void aSubscriberThatReconnectsWithItsLastEventIdMissesNothingAndSeesNothingTwice() {
        var w = world();
        Recorder first = Recorder.subscribe(w, w.agent, null);
        for (int i = 1; i <= 5; i++) {
            w.post(w.alice, w.acme, "m" + i);
        }
        await().until(() -> first.events.size() == 5);
        first.subscription.close();
        String lastSeen = first.events.get(2).eventId();

        for (int i = 6; i <= 8; i++) {
            w.post(w.alice, w.acme, "m" + i);
        }
        w.post(w.ivan, w.solo, "not for the agent");
        Recorder second = Recorder.subscribe(w, w.agent, lastSeen);
        w.post(w.alice, w.acme, "m9");

        await().until(() -> second.events.size() >= 6);
        assertThat(second.texts()).containsExactly("m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void removingAParticipantStopsTheirStreamOfThatConversationAndTheirNextRead() {
        var w = world();
        Recorder agent = Recorder.subscribe(w, w.agent, null);
        w.post(w.alice, w.acme, "visible");
        w.messaging.conversations().removeParticipant(w.owner, w.acme, "agent");
        w.post(w.alice, w.acme, "after removal");
        w.messaging.conversations().addParticipant(w.owner, w.solo, "agent", Access.WRITE);
        w.post(w.ivan, w.solo, "solo");

        agent.awaitTypes(MessagePosted.class, ParticipantRemoved.class, ParticipantAdded.class, MessagePosted.class);
        assertThat(agent.texts()).containsExactly("visible", "solo");
        assertThatThrownBy(() -> w.messaging.messages().history(w.agent, w.acme, HistoryQuery.latest(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void participantChangesReachEveryoneInTheConversation() {
        var w = world();
        Recorder alice = Recorder.subscribe(w, w.alice, null);
        w.messaging.conversations().addParticipant(w.owner, w.acme, "agent-out", Access.READ_ONLY);
        w.messaging.conversations().changeAccess(w.owner, w.acme, "agent-out", Access.WRITE);

        alice.awaitTypes(ParticipantAdded.class, ParticipantAccessChanged.class);
        assertThat(((ParticipantAccessChanged) alice.events.get(1)).participant().access()).isEqualTo(Access.WRITE);
    }

    @Test
    void aRemovedClientUsersSubscriptionEnds() {
        var w = world();
        Recorder bob = Recorder.subscribe(w, w.bob, null);
        AtomicBoolean ended = new AtomicBoolean();
        bob.subscription.onClose(() -> ended.set(true));

        w.messaging.directory().removeClientUser("bob");
        w.post(w.alice, w.acme, "bob is gone");

        await().untilTrue(ended);
        assertThat(bob.subscription.isActive()).isFalse();
        assertThat(bob.texts()).doesNotContain("bob is gone");
    }

    @Test
    void deletingAnAccountTellsThoseWhoCouldSeeItsConversation() {
        var w = world();
        Recorder agent = Recorder.subscribe(w, w.agent, null);
        Recorder manager = Recorder.subscribe(w, w.manager, null);
        Recorder olga = Recorder.subscribe(w, w.olga, null);

        w.messaging.directory().deleteClientAccount("acme");
        w.post(w.olga, w.other, "still here");

        agent.awaitTypes(ConversationDeleted.class);
        manager.awaitTypes(ConversationDeleted.class, MessagePosted.class);
        olga.awaitTypes(MessagePosted.class);
    }

    @Test
    void deniedWritesPublishNothing() {
        var w = world();
        Recorder owner = Recorder.subscribe(w, w.owner, null);
        assertThatThrownBy(() -> w.post(w.watcher, w.acme, "denied")).isInstanceOf(AccessDeniedException.class);
        w.post(w.alice, w.acme, "allowed");

        owner.awaitTypes(MessagePosted.class);
        assertThat(owner.texts()).containsExactly("allowed");
    }

    @Test
    void notifiersReceiveEveryCommittedEvent() {
        var w = world();
        List<MessagingEvent> received = new CopyOnWriteArrayList<>();
        try (Messaging node = nodeWith(received::add)) {
            Message posted = w.post(w.alice, w.acme, "for the webhook");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> e instanceof MessagePosted p && p.message().id().equals(posted.id())));
        }
    }

    @Test
    void aBadLastEventIdIsRejectedAndAnUnknownOneAsksForAReload() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.events().subscribe(w.agent, "not-a-number", e -> { }))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("lastEventId"));
        Recorder future = Recorder.subscribe(w, w.agent, Long.toString(Long.MAX_VALUE / 2));
        w.post(w.alice, w.acme, "after reset");
        future.awaitTypes(StreamReset.class, MessagePosted.class);
    }

    @Test
    void aStreamResumedFromBeforeADeleteReplaysTheMessageAsATombstone() {
        var w = world();
        String from = startingPoint(w, w.agent);
        String secret = "deleted secret " + UUID.randomUUID();
        Attachment file = w.messaging.attachments().upload(w.alice, "secret-plan.txt", "text/plain",
                new ByteArrayInputStream(secret.getBytes(StandardCharsets.UTF_8)));
        Message posted = w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text(secret).withAttachments(file.id()));
        w.messaging.messages().edit(w.alice, posted.id(), secret + " (edited)");
        w.messaging.messages().delete(w.alice, posted.id());

        Recorder resumed = Recorder.subscribe(w, w.agent, from);
        resumed.awaitTypes(MessagePosted.class, MessageEdited.class, MessageDeleted.class);
        for (Message replayed : List.of(((MessagePosted) resumed.events.get(0)).message(),
                ((MessageEdited) resumed.events.get(1)).message())) {
            assertThat(replayed.id()).isEqualTo(posted.id());
            assertThat(replayed.deleted()).isTrue();
            assertThat(replayed.text()).isEmpty();
            assertThat(replayed.attachments()).isEmpty();
        }
        assertThat(resumed.events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret)
                .doesNotContain("secret-plan"));
    }

    @Test
    void aStreamResumedFromBeforeEditsReplaysTheMessageAsItNowReads() {
        var w = world();
        String from = startingPoint(w, w.bob);
        Message posted = w.post(w.alice, w.acme, "first draft");
        w.messaging.messages().edit(w.alice, posted.id(), "second draft");
        Message last = w.messaging.messages().edit(w.alice, posted.id(), "final text");

        Recorder resumed = Recorder.subscribe(w, w.bob, from);
        resumed.awaitTypes(MessagePosted.class, MessageEdited.class, MessageEdited.class);
        assertThat(resumed.texts()).containsExactly("final text");
        assertThat(resumed.events).allSatisfy(e -> {
            Message replayed = e instanceof MessagePosted p ? p.message() : ((MessageEdited) e).message();
            assertThat(replayed).isEqualTo(last);
        });
    }

    @Test
    void aStreamResumedFromBeforeAnAccountWasDeletedReplaysNothingOfItsConversation() {
        var w = world();
        String from = startingPoint(w, w.manager);
        Message gone = w.post(w.alice, w.acme, "gone with the account");
        w.messaging.messages().edit(w.alice, gone.id(), "gone with the account, edited");
        w.messaging.directory().deleteClientAccount("acme");
        w.post(w.olga, w.other, "still here");

        Recorder resumed = Recorder.subscribe(w, w.manager, from);
        resumed.awaitTypes(ConversationDeleted.class, MessagePosted.class);
        assertThat(resumed.texts()).containsExactly("still here");
    }

    /** Where a subscription of {@code actor} opened now would resume from; the subscription is closed again. */
    private static String startingPoint(ContractFixture w, Actor actor) {
        Recorder before = Recorder.subscribe(w, actor, null);
        before.subscription.close();
        return before.subscription.startEventId();
    }

    /** Records what a subscription delivers. */
    static final class Recorder {
        final List<MessagingEvent> events = new CopyOnWriteArrayList<>();
        Subscription subscription;

        static Recorder subscribe(ContractFixture w, Actor actor, String lastEventId) {
            Recorder recorder = new Recorder();
            recorder.subscription = w.messaging.events().subscribe(actor, lastEventId, recorder.events::add);
            return recorder;
        }

        @SafeVarargs
        final void awaitTypes(Class<? extends MessagingEvent>... types) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                    .extracting(e -> (Object) e.getClass()).containsExactly((Object[]) types));
        }

        List<String> texts() {
            return events.stream().filter(e -> e instanceof MessagePosted)
                    .map(e -> ((MessagePosted) e).message().text()).toList();
        }
    }
}

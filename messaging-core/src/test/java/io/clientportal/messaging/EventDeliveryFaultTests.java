package io.clientportal.messaging;

import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.StreamReset;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.StoreTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event delivery when consumers misbehave: a subscriber that stops taking events, a slow notifier, a subscriber that
 * resumes from far back, and a flood of events each of which would need its own store reads.
 */
class EventDeliveryFaultTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Actor OWNER = Actor.teamMember("olivia");
    private static final Actor ALICE = Actor.clientUser("alice");

    private Messaging messaging;
    private Conversation acme;
    /** Releases whatever a test keeps stuck, so that closing never waits for it. */
    private final CountDownLatch unstick = new CountDownLatch(1);

    private Messaging start(MessagingBuilder builder) {
        messaging = builder.build();
        messaging.directory().upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("adam", "Adam", TeamRole.AGENT);
        acme = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION);
        messaging.directory().addClientUser("acme", "alice", "Alice");
        return messaging;
    }

    @AfterEach
    void close() {
        unstick.countDown();
        if (messaging != null) {
            messaging.close();
        }
    }

    private List<String> post(int count) {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String text = "m" + i;
            messaging.messages().post(ALICE, acme.id(), NewMessage.text(text));
            texts.add(text);
        }
        return texts;
    }

    private static List<MessagingEvent> snapshot(List<MessagingEvent> events) {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private static List<String> texts(List<MessagingEvent> events) {
        return snapshot(events).stream().filter(e -> e instanceof MessagePosted)
                .map(e -> ((MessagePosted) e).message().text()).toList();
    }

    @Test
    void aSubscriberThatStopsTakingEventsHoldsUpNobodyAndIsClosedWithAResetItResumesFrom() {
        start(Messaging.builder().eventBufferSize(1_000));
        // Like an SSE stream whose client stopped reading: the listener is stuck in a write, and ending the stream
        // waits for that write.
        ReentrantLock socket = new ReentrantLock();
        List<MessagingEvent> stuckGot = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicBoolean stuckClosed = new AtomicBoolean();
        Subscription stuck = messaging.events().subscribe(OWNER, null, event -> {
            stuckGot.add(event);
            socket.lock();
            try {
                unstick.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                socket.unlock();
            }
        });
        stuck.onClose(() -> {
            socket.lock();
            socket.unlock();
            stuckClosed.set(true);
        });
        List<MessagingEvent> owner = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<MessagingEvent> client = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        messaging.events().subscribe(OWNER, null, owner::add);
        messaging.events().subscribe(ALICE, null, client::add);

        List<String> sent = post(3_000);

        await().atMost(PATIENCE).until(() -> texts(owner).size() == sent.size() && texts(client).size() == sent.size());
        assertThat(texts(owner)).containsExactlyElementsOf(sent);
        assertThat(texts(client)).containsExactlyElementsOf(sent);
        await().atMost(PATIENCE).until(() -> !stuck.isActive());
        assertThat(stuckGot).hasSize(1);

        unstick.countDown();
        await().atMost(PATIENCE).untilTrue(stuckClosed);
        assertThat(stuckGot).hasSize(2);
        assertThat(stuckGot.get(1)).isInstanceOf(StreamReset.class);
        assertThat(stuckGot.get(1).eventId()).isEqualTo(stuckGot.get(0).eventId());

        List<MessagingEvent> resumed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        messaging.events().subscribe(OWNER, stuckGot.get(1).eventId(), resumed::add);
        await().atMost(PATIENCE).until(() -> texts(resumed).size() == sent.size() - 1);
        assertThat(texts(resumed)).containsExactlyElementsOf(sent.subList(1, sent.size()));
    }

    @Test
    void aSlowNotifierHoldsUpNeitherTheRelayNorSubscribersAndGetsEveryEventInOrder() {
        CountDownLatch release = unstick;
        List<MessagingEvent> notified = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<MessagingEvent> quick = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        start(Messaging.builder().notifier(event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            notified.add(event);
        }).notifier(quick::add));
        List<MessagingEvent> owner = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        messaging.events().subscribe(OWNER, null, owner::add);

        List<String> sent = post(500);

        await().atMost(PATIENCE).until(() -> texts(owner).size() == sent.size() && texts(quick).size() == sent.size());
        assertThat(notified).isEmpty();
        release.countDown();
        await().atMost(PATIENCE).until(() -> texts(notified).size() == sent.size());
        assertThat(texts(notified)).containsExactlyElementsOf(sent);
    }

    @Test
    void aSubscriberCatchingUpFromFarBackAtFullSpeedIsNeverCutOff() throws InterruptedException {
        start(Messaging.builder().eventBufferSize(1_000));
        List<MessagingEvent> first = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        String before = messaging.events().subscribe(OWNER, null, first::add).startEventId();
        List<String> sent = post(5_000);
        await().atMost(PATIENCE).until(() -> texts(first).size() == sent.size());   // the relay is past them all

        // A client that reads as fast as its network lets it: its first read takes a moment (until the live feed
        // has moved on past a post made after it connected), then it takes every event at once.
        List<MessagingEvent> other = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        messaging.events().subscribe(ALICE, null, other::add);
        CountDownLatch firstRead = new CountDownLatch(1);
        List<MessagingEvent> got = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Subscription resumed = messaging.events().subscribe(OWNER, before, event -> {
            got.add(event);
            try {
                firstRead.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        messaging.messages().post(ALICE, acme.id(), NewMessage.text("live 1"));
        await().atMost(PATIENCE).until(() -> texts(other).contains("live 1") || !resumed.isActive());
        firstRead.countDown();
        messaging.messages().post(ALICE, acme.id(), NewMessage.text("live 2"));
        List<String> expected = new java.util.ArrayList<>(sent);
        expected.addAll(List.of("live 1", "live 2"));

        await().atMost(PATIENCE).until(() -> texts(got).size() == expected.size() || !resumed.isActive());
        assertThat(resumed.isActive()).isTrue();
        assertThat(snapshot(got)).noneMatch(e -> e instanceof StreamReset);
        assertThat(texts(got)).containsExactlyElementsOf(expected);
    }

    @Test
    void theRelayDecidesABulkImportAndAnAnnouncementWithoutAStoreReadPerEvent() {
        ReadCounter reads = new ReadCounter();
        start(Messaging.builder().store(reads.wrap(new InMemoryMessagingStore())));
        messaging.conversations().addParticipant(OWNER, acme.id(), "adam", io.clientportal.messaging.model.Access.WRITE);
        List<MessagingEvent> owner = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<MessagingEvent> agent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<MessagingEvent> client = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        messaging.events().subscribe(OWNER, null, owner::add);
        messaging.events().subscribe(Actor.teamMember("adam"), null, agent::add);
        messaging.events().subscribe(ALICE, null, client::add);
        messaging.messages().post(ALICE, acme.id(), NewMessage.text("before"));
        await().atMost(PATIENCE).until(() -> texts(agent).contains("before") && texts(client).contains("before"));
        reads.reset();   // each subscriber's own facts are read once, at its first event

        int accounts = 2_000;
        for (int i = 0; i < accounts; i++) {
            messaging.directory().createClientAccount("client-" + i, "Client " + i, AccountKind.INDIVIDUAL);
        }
        await().atMost(PATIENCE).until(() -> snapshot(owner).stream().filter(e -> e instanceof ConversationCreated).count()
                == accounts);
        messaging.announcements().send(OWNER, NewAnnouncement.toAllClients("hello all"));
        await().atMost(PATIENCE).until(() -> texts(owner).size() == accounts + 2);
        messaging.messages().post(ALICE, acme.id(), NewMessage.text("after"));
        await().atMost(PATIENCE).until(() -> texts(agent).contains("after") && texts(client).contains("after"));

        int events = 2 * accounts + 2;
        assertThat(reads.relayReads()).as("store reads for %d events: %s", events, reads.byMethod)
                .isLessThan(events / 50);
        assertThat(texts(agent)).containsExactly("before", "hello all", "after");
    }

    /** Counts the store reads the relay and the delivery threads make. */
    static final class ReadCounter {
        final Map<String, AtomicInteger> byMethod = new ConcurrentHashMap<>();
        private static final Set<String> NOT_READS = Set.of("tenantId", "toString", "hashCode", "equals");

        MessagingStore wrap(MessagingStore store) {
            return (MessagingStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{MessagingStore.class}, (proxy, method, args) -> {
                        if ((method.getName().equals("read") || method.getName().equals("inTransaction"))
                                && args.length == 2) {
                            @SuppressWarnings("unchecked")
                            Function<StoreTransaction, Object> work = (Function<StoreTransaction, Object>) args[1];
                            Function<StoreTransaction, Object> counted = tx -> work.apply(count(tx));
                            return invoke(method, store, new Object[]{args[0], counted});
                        }
                        return invoke(method, store, args);
                    });
        }

        private StoreTransaction count(StoreTransaction tx) {
            return (StoreTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{StoreTransaction.class}, (proxy, method, args) -> {
                        if (Thread.currentThread().getName().startsWith("messaging-event")
                                && !NOT_READS.contains(method.getName())) {
                            byMethod.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                        }
                        return invoke(method, tx, args);
                    });
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        int relayReads() {
            return byMethod.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        void reset() {
            byMethod.clear();
        }
    }
}

package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessagingEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * The event subscriptions of a model run and what each should receive. Each step adds one group of expected
 * events per subscriber (a step that changes several conversations may emit their events in any order); the
 * groups must arrive in step order. Read receipts ({@link ConversationRead}) are left out: whether a post also
 * reports one is not a rule of the design.
 */
final class ModelFeeds implements AutoCloseable {

    /** How long a subscriber may take to receive what it should. */
    static final Duration DELIVERY = Duration.ofSeconds(10);

    /** One subscriber: what it received (described) and the groups it should receive. */
    static final class Feed {
        final Actor actor;
        final Subscription subscription;
        final List<MessagingEvent> received = new ArrayList<>();
        final List<List<String>> expected = new ArrayList<>();

        Feed(Actor actor, Messaging messaging, String lastEventId) {
            this.actor = actor;
            this.subscription = messaging.events().subscribe(actor, lastEventId, event -> {
                if (!(event instanceof ConversationRead)) {
                    synchronized (received) {
                        received.add(event);
                    }
                }
            });
        }

        List<MessagingEvent> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        int expectedCount() {
            return expected.stream().mapToInt(List::size).sum();
        }

        @Override
        public String toString() {
            return actor.kind() == Actor.Kind.TEAM_MEMBER ? actor.id() : "client " + actor.id();
        }
    }

    private final Messaging messaging;
    private final Function<MessagingEvent, String> describe;
    private final Map<Actor, Feed> feeds = new LinkedHashMap<>();

    ModelFeeds(Messaging messaging, Function<MessagingEvent, String> describe) {
        this.messaging = messaging;
        this.describe = describe;
    }

    /** Subscribes the actor from now (replacing an ended subscription). */
    Feed subscribe(Actor actor) {
        Feed feed = new Feed(actor, messaging, null);
        feeds.put(actor, feed);
        return feed;
    }

    Collection<Feed> all() {
        return feeds.values();
    }

    Feed of(Actor actor) {
        return feeds.get(actor);
    }

    /** Adds this step's events for every subscriber that may see them (an empty group adds nothing). */
    void expect(Function<Actor, List<String>> visibleTo) {
        for (Feed feed : feeds.values()) {
            List<String> group = visibleTo.apply(feed.actor);
            if (!group.isEmpty()) {
                feed.expected.add(List.copyOf(group));
            }
        }
    }

    /**
     * The subscriber's actor is leaving the directory in this step: its stream must end. What it gets from the
     * step itself is not checked (it is told nothing more once it is gone).
     */
    void ended(Actor actor) {
        Feed feed = feeds.remove(actor);
        if (feed != null) {
            await("the event stream of " + feed + " ends when it leaves the directory").atMost(DELIVERY)
                    .pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> !feed.subscription.isActive());
        }
    }

    /** Checks what has arrived so far: nothing unexpected, nothing out of order (no waiting). */
    void checkArrived() {
        for (Feed feed : feeds.values()) {
            match(feed, false);
        }
    }

    /** Waits until every subscriber got all it should, failing at once on anything it should not have got. */
    void awaitAll() {
        for (Feed feed : feeds.values()) {
            if (!match(feed, true)) {
                await("events for " + feed).atMost(DELIVERY).pollInSameThread().pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1)).until(() -> match(feed, true));
            }
        }
    }

    /** Waits for everything, then makes sure that nothing more arrives for a little while. */
    void awaitAllAndQuiet() {
        awaitAll();
        await("no more events").during(Duration.ofMillis(20)).atMost(DELIVERY).pollInSameThread()
                .pollInterval(Duration.ofMillis(5)).until(() -> feeds.values().stream().allMatch(f -> match(f, true)));
    }

    /**
     * Whether the feed received all it should; throws {@link AssertionError} if it received anything else, in
     * another order, or more.
     */
    boolean match(Feed feed, boolean complete) {
        List<MessagingEvent> events = feed.received();
        List<String> got = events.stream().map(describe).toList();
        int at = 0;
        for (int g = 0; g < feed.expected.size() && at < got.size(); g++) {
            List<String> group = feed.expected.get(g);
            int n = Math.min(group.size(), got.size() - at);
            List<String> remaining = new ArrayList<>(group);
            for (String event : got.subList(at, at + n)) {
                if (!remaining.remove(event)) {
                    throw new AssertionError(mismatch(feed, got, "got " + event + " where one of " + remaining
                            + " was due"));
                }
            }
            at += n;
            if (n < group.size()) {
                break;
            }
        }
        if (at < got.size()) {
            throw new AssertionError(mismatch(feed, got, "got " + got.subList(at, got.size())
                    + " that it may not see (or more than once)"));
        }
        return !complete || got.size() == feed.expectedCount();
    }

    private static String mismatch(Feed feed, List<String> got, String what) {
        return "the event stream of " + feed + " " + what + "\n  received: " + got + "\n  expected: "
                + feed.expected;
    }

    @Override
    public void close() {
        feeds.values().forEach(feed -> feed.subscription.close());
        feeds.clear();
    }
}

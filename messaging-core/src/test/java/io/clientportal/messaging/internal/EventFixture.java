package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.ConversationUpdated;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AccessPolicy;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.NewEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Fakes for the event pipeline's unit tests: a log whose positions commit when the test says, facts, a clock. */
final class EventFixture {

    static final String TENANT = "t1";
    static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    final EventCodec codec = new EventCodec();
    final Log log = new Log();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Directory directory = new Directory();
    final AccessCache cache = new AccessCache();
    final ManualExecutor executor = new ManualExecutor();

    /** An event log whose positions commit in whatever order the test commits them. */
    final class Log implements EventLog {
        private final NavigableMap<Long, EventRecord> records = new ConcurrentSkipListMap<>();
        private long first;
        int reads;

        /** Commits an event at a position. */
        void commit(long position, MessagingEvent event) {
            NewEvent encoded = codec.encode(event);
            records.put(position, new EventRecord(position, event.tenantId(), encoded.type(),
                    encoded.conversationId(), encoded.payload(), encoded.createdAt()));
        }

        void prune(long below) {
            records.headMap(below, false).clear();
            first = below;
        }

        @Override
        public List<EventRecord> after(long position, int limit) {
            reads++;
            return records.tailMap(position, false).values().stream().limit(limit).toList();
        }

        @Override
        public List<EventRecord> at(Collection<Long> positions) {
            return new TreeMap<>(records).entrySet().stream().filter(e -> positions.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList();
        }

        @Override
        public long last() {
            return records.isEmpty() ? 0 : records.lastKey();
        }

        @Override
        public long first() {
            return records.isEmpty() ? 0 : Math.max(first, records.firstKey());
        }
    }

    /** The directory and participant access as the store would answer now. */
    static final class Directory implements Facts {
        final Map<String, TeamMember> members = new HashMap<>();
        final Map<String, ClientUser> users = new HashMap<>();
        final Map<ConversationId, Map<String, Access>> participants = new HashMap<>();
        final Map<ConversationId, String> accounts = new HashMap<>();

        Directory member(String id, TeamRole role) {
            members.put(id, new TeamMember(id, id, role));
            return this;
        }

        Directory user(String id, String account) {
            users.put(id, new ClientUser(id, account, id));
            return this;
        }

        Directory participant(ConversationId conversation, String member, Access access) {
            participants.computeIfAbsent(conversation, c -> new HashMap<>()).put(member, access);
            return this;
        }

        Directory conversation(ConversationId conversation, String account) {
            accounts.put(conversation, account);
            return this;
        }

        @Override
        public Optional<TeamMember> teamMember(String id) {
            return Optional.ofNullable(members.get(id));
        }

        @Override
        public Optional<ClientUser> clientUser(String id) {
            return Optional.ofNullable(users.get(id));
        }

        @Override
        public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
            return Optional.ofNullable(participants.getOrDefault(conversationId, Map.of()).get(teamMemberId));
        }

        EventVisibility.StoreReads reads() {
            return new EventVisibility.StoreReads() {
                @Override
                public Loaded load(String tenantId, List<ConversationId> accountsOf,
                                   java.util.Set<ConversationId> participantsOf, java.util.Set<String> members) {
                    Map<ConversationId, String> found = new HashMap<>();
                    accountsOf.forEach(id -> Optional.ofNullable(accounts.get(id)).ifPresent(a -> found.put(id, a)));
                    Map<ConversationId, Map<String, Access>> access = new HashMap<>();
                    participantsOf.forEach(id -> access.put(id, participants.getOrDefault(id, Map.of())));
                    return new Loaded(found, access);
                }

                @Override
                public Optional<String> conversationAccount(String tenantId, ConversationId conversationId) {
                    return Optional.ofNullable(accounts.get(conversationId));
                }
            };
        }
    }

    /** Runs the lanes' tasks only when the test says, on the test's thread. */
    static final class ManualExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** Runs one queued task; false if none was queued. */
        boolean runOne() {
            Runnable task = tasks.poll();
            if (task == null) {
                return false;
            }
            task.run();
            return true;
        }

        void runAll() {
            while (runOne()) {
                // running
            }
        }
    }

    EventVisibility visibility(AccessPolicy policy) {
        return new EventVisibility(new Authorizer(policy), cache, tenant -> directory, directory.reads());
    }

    /**
     * A visibility whose facts go through the {@link #cache}, as the engine's do: a miss loads from the directory, and
     * what is cached stays until an event invalidates it (as on a node that has not yet passed another's change).
     */
    EventVisibility cachedVisibility(AccessPolicy policy) {
        Facts cached = new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return cache.teamMember(TENANT, id, () -> directory.teamMember(id));
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return cache.clientUser(TENANT, id, () -> directory.clientUser(id));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return cache.participantAccess(TENANT, conversationId, teamMemberId,
                        () -> directory.participantAccess(conversationId, teamMemberId));
            }
        };
        return new EventVisibility(new Authorizer(policy), cache, tenant -> cached, directory.reads());
    }

    /** A relay over the fake log, driven by {@link EventRelay#pass()} (its thread never starts). */
    EventRelay relay(EventVisibility visibility, Duration gapTimeout, List<NotifierLane> notifiers) {
        EventRelay relay = new EventRelay(log, codec, cache, notifiers, Duration.ofSeconds(1), gapTimeout, () -> {
        }, nanos::get, Clock.systemUTC(), Instrumentation.none());
        relay.useVisibility(visibility);
        return relay;
    }

    SubscriptionImpl subscription(Actor actor, long cursor, int bufferSize, EventVisibility visibility,
                                  SubscriptionImpl.Feed feed, Consumer<MessagingEvent> listener) {
        SubscriptionImpl subscription = new SubscriptionImpl(TENANT, actor, cursor, listener, visibility, codec, feed,
                executor, bufferSize, new StallWatch(nanos::get, Duration.ofSeconds(30)), () -> AT);
        subscription.markStart();
        return subscription;
    }

    static ConversationId conversation() {
        return new ConversationId(UUID.randomUUID());
    }

    /** A plain event of a conversation (one nobody's facts depend on). */
    static MessagingEvent updated(ConversationId conversation, String account) {
        return new ConversationUpdated(null, TENANT, conversation, AT, account, "Client " + account);
    }

    /** What a listener got: the event ids, in order. */
    static final class Received implements Consumer<MessagingEvent> {
        final List<String> ids = new ArrayList<>();
        final List<MessagingEvent> events = new ArrayList<>();

        @Override
        public void accept(MessagingEvent event) {
            ids.add(event.eventId());
            events.add(event);
        }
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the relay knows about the state at each event of a batch: the facts it loaded once for the batch
 * ({@link BatchFacts}), corrected by the events that follow in the log. The relay loads the facts first and reads
 * the following events after, so every change committed since the facts were read is among those events.
 *
 * <p>The store already holds the newest state, so a participant removed right after a message would otherwise not
 * be shown the message they could see when it was posted. The first later event of a kind tells the earlier state:
 * a removal or an access change means the member was a participant, an addition means they were not; a deleted
 * account or user existed.
 *
 * <p>The facts may as well be older than an event of the batch: they are loaded for the whole batch before any of
 * its events is handed on, from a cache that this node invalidates only as the relay passes another node's changes
 * (and that a read racing with a change could have refilled). So the last event of the batch up to the one being
 * decided that sets a fact (an added, changed or removed participant, team member or client user) tells that fact
 * as of the event, whatever was loaded: a member removed in the batch sees none of the conversation's events after
 * their removal.
 */
final class Lookahead {

    /** What the events after the current one tell about a team member's participation at it. */
    enum Participation {
        /** No later event tells: the loaded facts hold. */
        NOT_TOLD,
        /** A later removal or access change: they were a participant (with an access the log does not tell). */
        PARTICIPANT,
        /** A later addition: they were not a participant. */
        NOT_PARTICIPANT
    }

    private record ParticipantKey(String tenantId, ConversationId conversationId, String teamMemberId) {
    }

    private record UserKey(String tenantId, String userId) {
    }

    private record ConversationKey(String tenantId, ConversationId conversationId) {
    }

    private final Map<ParticipantKey, List<Integer>> participantEvents = new HashMap<>();
    private final Map<UserKey, Integer> userRemovals = new HashMap<>();
    private final Map<ConversationKey, Integer> conversationDeletions = new HashMap<>();
    private final Map<ConversationKey, String> createdAccounts = new HashMap<>();
    /** The changes and removals of team members, and of client users, by where they are in {@link #events}. */
    private final Map<UserKey, List<Integer>> memberEvents = new HashMap<>();
    private final Map<UserKey, List<Integer>> clientUserEvents = new HashMap<>();
    /** The batch, then the events read after it; no nulls (events that could not be decoded are left out). */
    private final List<Indexed> events;
    /** How many entries the lists behind {@link #events} had, skipped ones included. */
    private final int size;
    private final BatchFacts facts;
    private int index;

    private record Indexed(int index, MessagingEvent event) {
    }

    /**
     * @param batch the batch's events by index; {@code null} entries are events to skip
     */
    Lookahead(List<MessagingEvent> batch) {
        this(indexed(batch, 0), batch.size(), new BatchFacts());
    }

    private Lookahead(List<Indexed> events, int size, BatchFacts facts) {
        this.events = events;
        this.size = size;
        this.facts = facts;
        for (int at = 0; at < events.size(); at++) {
            MessagingEvent event = events.get(at).event();
            String tenant = event.tenantId();
            if (event instanceof ParticipantAdded added) {
                participant(tenant, event.conversationId(), added.participant().teamMemberId(), at);
            } else if (event instanceof ParticipantAccessChanged changed) {
                participant(tenant, event.conversationId(), changed.participant().teamMemberId(), at);
            } else if (event instanceof ParticipantRemoved removed) {
                participant(tenant, event.conversationId(), removed.teamMemberId(), at);
            } else if (event instanceof ClientUserRemoved removed) {
                userRemovals.putIfAbsent(new UserKey(tenant, removed.clientUserId()), at);
                add(clientUserEvents, new UserKey(tenant, removed.clientUserId()), at);
            } else if (event instanceof ClientUserChanged changed) {
                add(clientUserEvents, new UserKey(tenant, changed.clientUser().id()), at);
            } else if (event instanceof TeamMemberChanged changed) {
                add(memberEvents, new UserKey(tenant, changed.teamMember().id()), at);
            } else if (event instanceof TeamMemberRemoved removed) {
                add(memberEvents, new UserKey(tenant, removed.teamMemberId()), at);
            } else if (event instanceof ConversationDeleted) {
                conversationDeletions.putIfAbsent(new ConversationKey(tenant, event.conversationId()), at);
            } else if (event instanceof ConversationCreated created) {
                createdAccounts.put(new ConversationKey(tenant, event.conversationId()), created.clientAccountId());
            }
        }
    }

    private static List<Indexed> indexed(List<MessagingEvent> events, int first) {
        List<Indexed> indexed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) != null) {
                indexed.add(new Indexed(first + i, events.get(i)));
            }
        }
        return indexed;
    }

    /** The same facts over the batch followed by the events read after it ({@code null} entries are skipped). */
    Lookahead followedBy(List<MessagingEvent> later) {
        List<Indexed> all = new ArrayList<>(events.size() + later.size());
        all.addAll(events);
        all.addAll(indexed(later, size));
        return new Lookahead(all, size + later.size(), facts);
    }

    /** The facts loaded for this batch. */
    BatchFacts facts() {
        return facts;
    }

    private void participant(String tenant, ConversationId conversation, String member, int at) {
        add(participantEvents, new ParticipantKey(tenant, conversation, member), at);
    }

    private static <K> void add(Map<K, List<Integer>> index, K key, int at) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
    }

    /** The last of these events (by where they are in {@link #events}) up to the current one, or {@code null}. */
    private MessagingEvent lastUpToCurrent(List<Integer> found) {
        MessagingEvent last = null;
        if (found != null) {
            for (int at : found) {
                Indexed event = events.get(at);
                if (event.index() > index) {
                    break;
                }
                last = event.event();
            }
        }
        return last;
    }

    /**
     * The member's participant access as of the current event, if an event of the batch up to it (itself included)
     * set it: empty when that was a removal; {@code null} when no such event tells (the loaded facts hold).
     */
    Optional<Access> participantAsOf(String tenant, ConversationId conversation, String member) {
        MessagingEvent last = lastUpToCurrent(participantEvents.get(new ParticipantKey(tenant, conversation, member)));
        if (last instanceof ParticipantAdded added) {
            return Optional.of(added.participant().access());
        }
        if (last instanceof ParticipantAccessChanged changed) {
            return Optional.of(changed.participant().access());
        }
        return last == null ? null : Optional.empty();
    }

    /**
     * The team member as of the current event, if an event of the batch up to it changed or removed them (empty
     * then); {@code null} when no such event tells.
     */
    Optional<TeamMember> teamMemberAsOf(String tenant, String id) {
        MessagingEvent last = lastUpToCurrent(memberEvents.get(new UserKey(tenant, id)));
        if (last instanceof TeamMemberChanged changed) {
            return Optional.of(changed.teamMember());
        }
        return last == null ? null : Optional.empty();
    }

    /**
     * The client user as of the current event, if an event of the batch up to it changed or removed them (empty
     * then); {@code null} when no such event tells.
     */
    Optional<ClientUser> clientUserAsOf(String tenant, String id) {
        MessagingEvent last = lastUpToCurrent(clientUserEvents.get(new UserKey(tenant, id)));
        if (last instanceof ClientUserChanged changed) {
            return Optional.of(changed.clientUser());
        }
        return last == null ? null : Optional.empty();
    }

    /** Moves to the event being decided: its index in the batch. */
    void at(int index) {
        this.index = index;
    }

    /** What the events after the current one tell about the member's participation at it. */
    Participation participation(String tenant, ConversationId conversation, String member) {
        List<Integer> found = participantEvents.get(new ParticipantKey(tenant, conversation, member));
        if (found != null) {
            for (int at : found) {
                Indexed next = events.get(at);
                if (next.index() > index) {
                    return next.event() instanceof ParticipantAdded ? Participation.NOT_PARTICIPANT
                            : Participation.PARTICIPANT;
                }
            }
        }
        return Participation.NOT_TOLD;
    }

    /** The account of a client user who is removed after the current event, if one is. */
    Optional<String> accountOfRemovedUser(String tenant, String userId) {
        Integer at = userRemovals.get(new UserKey(tenant, userId));
        return at != null && events.get(at).index() > index
                ? Optional.of(((ClientUserRemoved) events.get(at).event()).clientAccountId()) : Optional.empty();
    }

    /**
     * The account of a conversation if the log tells it: it is deleted after the current event, or created in the
     * batch (a conversation never changes account).
     */
    Optional<String> accountOfConversation(String tenant, ConversationId conversation) {
        ConversationKey key = new ConversationKey(tenant, conversation);
        Integer deleted = conversationDeletions.get(key);
        if (deleted != null && events.get(deleted).index() > index) {
            return Optional.of(((ConversationDeleted) events.get(deleted).event()).clientAccountId());
        }
        return Optional.ofNullable(createdAccounts.get(key));
    }
}

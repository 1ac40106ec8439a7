package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the relay knows about the state at each event of a batch: the facts it loaded once for the batch (a memo, so
 * a change committed by another thread mid-batch can't shift them), corrected by the events that follow in the log.
 * The relay loads the facts first and reads the following events after, so every change committed since the facts
 * were read is among those events.
 *
 * <p>What the events later in the log say about the state at an earlier event. The store already holds the
 * newest state, so a participant removed right after a message would otherwise not be shown the message they could
 * see when it was posted. The first later event of a kind tells the earlier state: a removal or an access change
 * means the member was a participant, an addition means they were not; a deleted account or user existed.
 */
final class Lookahead {


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
    private final List<MessagingEvent> batch;
    private final Map<Object, Object> memo;
    private int index;

    Lookahead(List<MessagingEvent> batch) {
        this(batch, new HashMap<>());
    }

    private Lookahead(List<MessagingEvent> batch, Map<Object, Object> memo) {
        this.batch = batch;
        this.memo = memo;
        for (int i = 0; i < batch.size(); i++) {
            MessagingEvent event = batch.get(i);
            if (event == null) {
                continue;
            }
            String tenant = event.tenantId();
            if (event instanceof ParticipantAdded added) {
                participant(tenant, event.conversationId(), added.participant().teamMemberId(), i);
            } else if (event instanceof ParticipantAccessChanged changed) {
                participant(tenant, event.conversationId(), changed.participant().teamMemberId(), i);
            } else if (event instanceof ParticipantRemoved removed) {
                participant(tenant, event.conversationId(), removed.teamMemberId(), i);
            } else if (event instanceof ClientUserRemoved removed) {
                userRemovals.putIfAbsent(new UserKey(tenant, removed.clientUserId()), i);
            } else if (event instanceof ConversationDeleted) {
                conversationDeletions.putIfAbsent(new ConversationKey(tenant, event.conversationId()), i);
            } else if (event instanceof ConversationCreated created) {
                createdAccounts.put(new ConversationKey(tenant, event.conversationId()), created.clientAccountId());
            }
        }
    }

    /** The same memo over the batch followed by the events read after it. */
    Lookahead followedBy(List<MessagingEvent> later) {
        List<MessagingEvent> all = new ArrayList<>(batch.size() + later.size());
        all.addAll(batch);
        all.addAll(later);
        return new Lookahead(all, memo);
    }

    /** A fact loaded at most once per batch. */
    @SuppressWarnings("unchecked")
    <T> T remember(Object key, java.util.function.Supplier<T> loader) {
        Object value = memo.get(key);
        if (value == null && !memo.containsKey(key)) {
            value = loader.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    private void participant(String tenant, ConversationId conversation, String member, int i) {
        participantEvents.computeIfAbsent(new ParticipantKey(tenant, conversation, member), k -> new ArrayList<>())
                .add(i);
    }

    /** Moves to the event being decided. */
    void at(int index) {
        this.index = index;
    }

    /**
     * The member's participant access at the current event, if a later event tells it: empty optional inside
     * means "not a participant then"; {@code null} means the batch does not tell.
     */
    Optional<Access> participantAccess(String tenant, ConversationId conversation, String member) {
        List<Integer> indices = participantEvents.get(new ParticipantKey(tenant, conversation, member));
        if (indices == null) {
            return null;
        }
        for (int i : indices) {
            if (i > index) {
                MessagingEvent next = batch.get(i);
                if (next instanceof ParticipantAdded) {
                    return Optional.empty();
                }
                // Removed or changed: they were a participant; VIEW does not depend on which access they had.
                return Optional.of(next instanceof ParticipantAccessChanged ? Access.WRITE : Access.READ_ONLY);
            }
        }
        return null;
    }

    /** The account of a client user who is removed later in the batch, or {@code null}. */
    String accountOfRemovedUser(String tenant, String userId) {
        Integer i = userRemovals.get(new UserKey(tenant, userId));
        return i != null && i > index ? ((ClientUserRemoved) batch.get(i)).clientAccountId() : null;
    }

    /**
     * The account of a conversation created in the batch (its event says so, and a conversation never changes
     * account), or {@code null}.
     */
    String accountOfCreatedConversation(String tenant, ConversationId conversation) {
        return createdAccounts.get(new ConversationKey(tenant, conversation));
    }

    /** The account of a conversation deleted later in the batch, or {@code null}. */
    String accountOfDeletedConversation(String tenant, ConversationId conversation) {
        Integer i = conversationDeletions.get(new ConversationKey(tenant, conversation));
        return i != null && i > index ? ((ConversationDeleted) batch.get(i)).clientAccountId() : null;
    }
}

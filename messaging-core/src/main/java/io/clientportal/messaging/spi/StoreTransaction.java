package io.clientportal.messaging.spi;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;

import java.time.Instant;
import java.util.Optional;

/**
 * One unit of work of a {@link MessagingStore}, scoped to one tenant: every read and write of its areas sees and
 * touches only that tenant's rows. The core calls it after it has authorised and validated the call, and decides
 * every rule (what is unread, what a delete leaves, what a rename changes); a store stores and reads rows as told,
 * checking nothing but its own keys. Each area is a small interface of its own; a store may return the same object
 * each time.
 */
public interface StoreTransaction {

    /** The tenant this unit of work is scoped to; never {@code null}. */
    String tenantId();

    /** Team members, client accounts, client users; never {@code null}. */
    DirectoryRows directory();

    /** Conversations, their seq counter and their participants; never {@code null}. */
    ConversationRows conversations();

    /** Messages; never {@code null}. */
    MessageRows messages();

    /** Read horizons, counts and inbox pages; never {@code null}. */
    ReadStateRows readState();

    /** Announcements and their delivery; never {@code null}. */
    AnnouncementRows announcements();

    /** Upload metadata; never {@code null}. */
    AttachmentRows attachments();

    /** The event log as this unit writes it; never {@code null}. */
    EventRows events();

    /**
     * Notification state: due notifications, their leases, preferences. Needed only when notifications are on (the
     * engine has a {@code NotificationSender}); the default fails, so such an engine on a store without it fails
     * at its first post rather than never telling anyone.
     *
     * @throws UnsupportedOperationException when the store keeps no notification state
     */
    default NotificationRows notifications() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep notification state;"
                + " use a store that does (in memory, JPA) or configure no notification sender");
    }

    /**
     * Follow-up reminders: one pending row per conversation. Needed only when reminders are on; the default fails.
     *
     * @throws UnsupportedOperationException when the store keeps no reminders
     */
    default ReminderRows reminders() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep follow-up reminders;"
                + " use a store that does (in memory, JPA) or leave messaging.notifications.reminders.after unset");
    }

    /**
     * The team's saved replies; never {@code null}. The default fails, so a store that predates them says so
     * rather than losing replies.
     *
     * @throws UnsupportedOperationException when the store keeps no saved replies
     */
    default SavedReplyRows savedReplies() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep saved replies;"
                + " use a store that does (in memory, JPA)");
    }

    /**
     * Team members' unread mentions; never {@code null}. A default that fails, so a store written before mentions
     * still compiles and says clearly what it lacks the first time a mention is used.
     *
     * @throws UnsupportedOperationException unless the store implements mentions
     */
    default MentionRows mentions() {
        throw new UnsupportedOperationException(getClass().getName() + " does not store mentions (MentionRows)");
    }

    /**
     * Locks a conversation's row until the unit ends, as taking a seq does, and reads, in the same round trip, the
     * conversation and what authorising {@code actor} there needs: its directory entry and, for a team member, their
     * participant access. A read's first step: what it then writes (a horizon, its counts) is decided over what the
     * lock holds still. The core authorises afterwards and throws when refused, which rolls the unit back. The
     * default composes the areas' calls (whose writes lock as they need); a store overrides it to save round trips.
     *
     * @return the conversation and the facts, or empty if the conversation does not exist
     */
    default Optional<LockedConversation> lockFor(ConversationId id, Actor actor) {
        Optional<ConversationRow> conversation = conversations().find(id);
        if (conversation.isEmpty()) {
            return Optional.empty();
        }
        if (actor.isTeamMember()) {
            return Optional.of(new LockedConversation(conversation.get(),
                    directory().teamMember(actor.id()).orElse(null), null,
                    conversations().participantAccess(id, actor.id()).orElse(null)));
        }
        return Optional.of(new LockedConversation(conversation.get(), null,
                directory().clientUser(actor.id()).orElse(null), null));
    }

    /**
     * Takes the next seq of a conversation ({@link ConversationRows#takeSeq}) and reads, in the same round trip,
     * what authorising {@code author} there needs: the conversation's client account, the author's directory entry
     * and, for a team member, their participant access. The core authorises afterwards and throws when refused,
     * which rolls the unit back, seq included. The default composes the areas' calls; a store overrides it to save
     * round trips on its hottest write.
     *
     * @return the reservation, or empty if the conversation does not exist
     */
    default Optional<SeqReservation> takeSeqFor(ConversationId id, Actor author, Instant at) {
        return takeSeqFor(id, author, at, false);
    }

    /**
     * {@link #takeSeqFor(ConversationId, Actor, Instant)} for a message that is an internal note or not: the seq as
     * {@link ConversationRows#takeSeq(ConversationId, Instant, boolean)} takes it.
     *
     * @return the reservation, or empty if the conversation does not exist
     */
    default Optional<SeqReservation> takeSeqFor(ConversationId id, Actor author, Instant at, boolean internal) {
        Optional<SeqTaken> taken = conversations().takeSeq(id, at, internal);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        ConversationRow conversation = conversations().find(id).orElseThrow();
        if (author.isTeamMember()) {
            return Optional.of(new SeqReservation(taken.get().seq(), conversation.clientAccountId(),
                    directory().teamMember(author.id()).orElse(null), null,
                    conversations().participantAccess(id, author.id()).orElse(null), taken.get().at(),
                    taken.get().clientSeq(), conversation.teamStatus()));
        }
        return Optional.of(new SeqReservation(taken.get().seq(), conversation.clientAccountId(), null,
                directory().clientUser(author.id()).orElse(null), null, taken.get().at(), taken.get().clientSeq(),
                conversation.teamStatus()));
    }
}

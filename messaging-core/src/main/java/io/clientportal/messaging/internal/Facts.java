package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.LockedConversation;
import io.clientportal.messaging.spi.SeqReservation;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where authorisation facts come from: straight from the store inside a unit of work (writes), or through the
 * cache (reads and the event feed).
 */
interface Facts {

    Optional<TeamMember> teamMember(String id);

    Optional<ClientUser> clientUser(String id);

    Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId);

    /**
     * These facts, with the participant access of the members of one conversation told by {@code accessOf}
     * (a member's access there, or empty for none) rather than looked up: what a caller has just read or is about to
     * write. Other conversations' come from these facts.
     */
    default Facts withParticipantAccess(ConversationId conversation, Function<String, Optional<Access>> accessOf) {
        Facts facts = this;
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return facts.teamMember(id);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return facts.clientUser(id);
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return conversationId.equals(conversation) ? accessOf.apply(teamMemberId)
                        : facts.participantAccess(conversationId, teamMemberId);
            }
        };
    }

    /** Facts read from the store in the caller's unit of work. */
    static Facts direct(StoreTransaction tx) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return tx.directory().teamMember(id).map(Records::teamMember);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return tx.directory().clientUser(id).map(Records::clientUser);
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return tx.conversations().participantAccess(conversationId, teamMemberId);
            }
        };
    }

    /** The author facts a store read with a seq ({@link StoreTransaction#takeSeqFor}): only the author's. */
    static Facts of(SeqReservation reservation) {
        return ofOne(reservation.teamMember(), reservation.clientUser(), reservation.participantAccess());
    }

    /** The actor facts a store read with a conversation's lock ({@link StoreTransaction#lockFor}): only theirs. */
    static Facts of(LockedConversation locked) {
        return ofOne(locked.teamMember(), locked.clientUser(), locked.participantAccess());
    }

    /** One actor's facts, as a store read them (each {@code null} where there is none). */
    private static Facts ofOne(TeamMemberRow teamMember, ClientUserRow clientUser, Access participantAccess) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return Optional.ofNullable(teamMember).map(Records::teamMember);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return Optional.ofNullable(clientUser).map(Records::clientUser);
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return Optional.ofNullable(participantAccess);
            }
        };
    }

    /** Facts from the cache, loaded on a miss with {@code reader} (which runs a read in some unit of work). */
    static Facts cached(String tenantId, AccessCache cache, Reader reader) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return cache.teamMember(tenantId, id,
                        () -> reader.read(tx -> tx.directory().teamMember(id).map(Records::teamMember)));
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return cache.clientUser(tenantId, id,
                        () -> reader.read(tx -> tx.directory().clientUser(id).map(Records::clientUser)));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return cache.participantAccess(tenantId, conversationId, teamMemberId,
                        () -> reader.read(tx -> tx.conversations().participantAccess(conversationId, teamMemberId)));
            }
        };
    }

    /** Runs a read against the store. */
    @FunctionalInterface
    interface Reader {
        <T> T read(Function<StoreTransaction, T> work);
    }
}

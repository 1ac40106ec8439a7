package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.SeqReservation;
import io.clientportal.messaging.spi.StoreTransaction;

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

    /** Facts read from the store in the caller's unit of work. */
    static Facts direct(StoreTransaction tx) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return tx.teamMember(id);
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return tx.clientUser(id);
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return tx.participantAccess(conversationId, teamMemberId);
            }
        };
    }

    /** The author facts a store read with a seq ({@link StoreTransaction#nextSeqFor}): only the author's. */
    static Facts of(SeqReservation reservation) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return Optional.ofNullable(reservation.teamMember());
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return Optional.ofNullable(reservation.clientUser());
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return Optional.ofNullable(reservation.participantAccess());
            }
        };
    }

    /** Facts from the cache, loaded on a miss with {@code reader} (which runs a read in some unit of work). */
    static Facts cached(String tenantId, AccessCache cache, Reader reader) {
        return new Facts() {
            @Override
            public Optional<TeamMember> teamMember(String id) {
                return cache.teamMember(tenantId, id, () -> reader.read(tx -> tx.teamMember(id)));
            }

            @Override
            public Optional<ClientUser> clientUser(String id) {
                return cache.clientUser(tenantId, id, () -> reader.read(tx -> tx.clientUser(id)));
            }

            @Override
            public Optional<Access> participantAccess(ConversationId conversationId, String teamMemberId) {
                return cache.participantAccess(tenantId, conversationId, teamMemberId,
                        () -> reader.read(tx -> tx.participantAccess(conversationId, teamMemberId)));
            }
        };
    }

    /** Runs a read against the store. */
    @FunctionalInterface
    interface Reader {
        <T> T read(Function<StoreTransaction, T> work);
    }
}

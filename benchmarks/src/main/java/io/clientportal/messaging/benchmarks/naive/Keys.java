package io.clientportal.messaging.benchmarks.naive;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The composite keys of the tables (every key starts with the tenant). */
final class Keys {

    private Keys() {
    }

    /** A directory row: tenant and the host's id. */
    public static final class TenantId implements Serializable {
        String tenantId;
        String id;

        public TenantId() {
        }

        TenantId(String tenantId, String id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TenantId k && k.tenantId.equals(tenantId) && k.id.equals(id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }

    /** A row with a UUID id: tenant and id. */
    public static final class TenantUuid implements Serializable {
        String tenantId;
        UUID id;

        public TenantUuid() {
        }

        TenantUuid(String tenantId, UUID id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TenantUuid k && k.tenantId.equals(tenantId) && k.id.equals(id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }

    /** A message: conversation and seq. */
    public static final class MessageKey implements Serializable {
        String tenantId;
        UUID conversationId;
        long seq;

        public MessageKey() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageKey k && k.tenantId.equals(tenantId) && k.conversationId.equals(conversationId)
                    && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, conversationId, seq);
        }
    }

    /** A participant: conversation and team member. */
    public static final class ParticipantKey implements Serializable {
        String tenantId;
        UUID conversationId;
        String teamMemberId;

        public ParticipantKey() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParticipantKey k && k.tenantId.equals(tenantId)
                    && k.conversationId.equals(conversationId) && k.teamMemberId.equals(teamMemberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, conversationId, teamMemberId);
        }
    }

    /** A read horizon: conversation and reader. */
    public static final class HorizonKey implements Serializable {
        String tenantId;
        UUID conversationId;
        String readerKind;
        String readerId;

        public HorizonKey() {
        }

        HorizonKey(String tenantId, UUID conversationId, String readerKind, String readerId) {
            this.tenantId = tenantId;
            this.conversationId = conversationId;
            this.readerKind = readerKind;
            this.readerId = readerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HorizonKey k && k.tenantId.equals(tenantId) && k.conversationId.equals(conversationId)
                    && k.readerKind.equals(readerKind) && k.readerId.equals(readerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, conversationId, readerKind, readerId);
        }
    }
}

package io.clientportal.messaging.model;

import java.util.Objects;

/**
 * How far one reader has read a conversation, as the asking actor may be told it
 * ({@link io.clientportal.messaging.Messages#readReceipts}).
 *
 * <p>A team member is told every reader: client users and team members, each by name, in team seqs. A client user
 * is told the client users of their own account by name, in client seqs, and the team as one reader of kind
 * {@link Reader.Kind#TEAM} without an id: the furthest that any team member who may post a visible message there
 * has read, in the clients' view. Watchers' and read-only agents' reads are never told to clients.
 *
 * @param reader      who read
 * @param displayName the reader's name (for the team: the engine's team display name)
 * @param seq         the horizon in the asking actor's view: a team seq for the team, a client seq for a client
 */
public record ReadReceipt(Reader reader, String displayName, long seq) {

    public ReadReceipt {
        Objects.requireNonNull(reader, "reader must not be null");
        Objects.requireNonNull(displayName, "displayName must not be null");
    }

    /**
     * A reader as a receipt names it.
     *
     * @param kind a team member, a client user, or the team as a whole
     * @param id   the host's id; {@code null} for {@link Kind#TEAM}
     */
    public record Reader(Kind kind, String id) {

        /** The kinds of reader: an actor's two, and the team as a whole (told to clients). */
        public enum Kind { TEAM_MEMBER, CLIENT_USER, TEAM }

        /** The team as a whole. */
        public static final Reader TEAM = new Reader(Kind.TEAM, null);

        public Reader {
            Objects.requireNonNull(kind, "kind must not be null");
            if ((kind == Kind.TEAM) != (id == null)) {
                throw new IllegalArgumentException("a reader has an id unless it is the team");
            }
        }

        /** The reader that an actor is. */
        public static Reader of(io.clientportal.messaging.Actor actor) {
            return new Reader(actor.isTeamMember() ? Kind.TEAM_MEMBER : Kind.CLIENT_USER, actor.id());
        }
    }
}

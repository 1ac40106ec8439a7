package io.clientportal.messaging;

import java.util.Objects;

/**
 * Who performs a call: a team member of the host or a client user. Ids are the host's own strings.
 *
 * @param kind team member or client user
 * @param id   the host's id
 */
public record Actor(Kind kind, String id) {

    /** The two kinds of actor. */
    public enum Kind { TEAM_MEMBER, CLIENT_USER }

    public Actor {
        Objects.requireNonNull(kind, "kind must not be null");
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("actor", "actor id must not be blank");
        }
    }

    /** A member of the host's team. */
    public static Actor teamMember(String id) {
        return new Actor(Kind.TEAM_MEMBER, id);
    }

    /** A client user. */
    public static Actor clientUser(String id) {
        return new Actor(Kind.CLIENT_USER, id);
    }

    /** Whether this actor is a team member. */
    public boolean isTeamMember() {
        return kind == Kind.TEAM_MEMBER;
    }
}

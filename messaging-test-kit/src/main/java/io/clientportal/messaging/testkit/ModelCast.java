package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.TeamRole;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names a model run plays with: actions pick from these lists, so a failing sequence reads as a story
 * ("agent1 edits m3 ..."). Every run starts from the same cast; the actions then change roles, remove and re-add
 * people, create and delete accounts.
 */
final class ModelCast {

    /** An owner that no action touches: it sees everything, so waiting for its events waits for the relay. */
    static final Actor SENTINEL = Actor.teamMember("sentinel");

    /** Team member ids an action may pick, with the role each starts with ({@code null}: not in the directory). */
    static final Map<String, TeamRole> TEAM = orderedTeam();

    /** A team member id that is never in the directory. */
    static final String TEAM_STRANGER = "nobody";

    /** Client account ids ({@link #initialKind}: the kind each starts as, or none yet). */
    static final List<String> ACCOUNTS = List.of("acme", "beta", "solo", "zed", "neworg");

    /** Client user ids ({@link #initialAccount}: the account each starts in, or none). */
    static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");

    /** A client user id that is never in the directory. */
    static final String CLIENT_STRANGER = "ghost";

    /** Everyone an action may act as: every team role, client users, strangers of both kinds. */
    static final List<Actor> ACTORS = actors();

    /** The actors whose event streams a run follows (the sentinel comes on top). */
    static final List<Actor> SUBSCRIBERS = List.of(Actor.teamMember("manager"), Actor.teamMember("agent1"),
            Actor.teamMember("watcher"), Actor.clientUser("alice"), Actor.clientUser("dave"),
            Actor.teamMember(TEAM_STRANGER));

    private ModelCast() {
    }

    static AccountKind initialKind(String accountId) {
        return switch (accountId) {
            case "acme", "beta" -> AccountKind.ORGANISATION;
            case "solo" -> AccountKind.INDIVIDUAL;
            default -> null;
        };
    }

    static String initialAccount(String userId) {
        return switch (userId) {
            case "alice", "bob" -> "acme";
            case "carol" -> "beta";
            case "dave" -> "solo";
            default -> null;
        };
    }

    static String displayName(String id) {
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    static String accountName(String accountId) {
        return displayName(accountId) + " Ltd";
    }

    /** How an actor appears in action descriptions. */
    static String name(Actor actor) {
        return actor.isTeamMember() ? actor.id() : "client " + actor.id();
    }

    private static Map<String, TeamRole> orderedTeam() {
        var team = new LinkedHashMap<String, TeamRole>();
        team.put("owner", TeamRole.OWNER);
        team.put("admin", TeamRole.ADMIN);
        team.put("manager", TeamRole.MANAGER);
        team.put("agent1", TeamRole.AGENT);
        team.put("agent2", TeamRole.AGENT);
        team.put("watcher", TeamRole.WATCHER);
        team.put("staff", null);
        return Collections.unmodifiableMap(team);
    }

    private static List<Actor> actors() {
        var actors = new ArrayList<Actor>();
        TEAM.keySet().forEach(id -> actors.add(Actor.teamMember(id)));
        actors.add(Actor.teamMember(TEAM_STRANGER));
        USERS.forEach(id -> actors.add(Actor.clientUser(id)));
        actors.add(Actor.clientUser(CLIENT_STRANGER));
        return List.copyOf(actors);
    }
}

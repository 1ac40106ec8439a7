package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.TeamRole;

import java.util.List;
import java.util.Optional;

/**
 * The agency's own user records: who works there and who its clients are. In a real portal these live in the host's
 * database; the demo keeps them in code, signs them in with {@link #PASSWORD} and syncs them into the messaging
 * directory at startup ({@link DemoSeeder}).
 */
final class DemoPeople {

    /** Everyone's password in the demo. */
    static final String PASSWORD = "demo";

    /** A member of the agency's team. */
    record TeamUser(String id, String displayName, TeamRole role, String title) {
    }

    /** A client account: an individual with one user, or an organisation with several. */
    record Client(String id, String name, AccountKind kind, List<ClientLogin> users) {
    }

    /** A client user who signs in to the portal. */
    record ClientLogin(String id, String displayName) {
    }

    static final List<TeamUser> TEAM = List.of(
            new TeamUser("olivia", "Olivia Hart", TeamRole.OWNER, "Founder"),
            new TeamUser("adam", "Adam Price", TeamRole.ADMIN, "Operations"),
            new TeamUser("maya", "Maya Chen", TeamRole.MANAGER, "Account manager"),
            new TeamUser("aiden", "Aiden Brooks", TeamRole.AGENT, "Designer"),
            new TeamUser("ava", "Ava Morales", TeamRole.AGENT, "Developer"),
            new TeamUser("walter", "Walter Reed", TeamRole.WATCHER, "Finance"));

    static final List<Client> CLIENTS = List.of(
            new Client("acme", "Acme Bakery Ltd", AccountKind.ORGANISATION, List.of(
                    new ClientLogin("alice", "Alice Baker"), new ClientLogin("bob", "Bob Stone"))),
            new Client("isabel-novak", "Isabel Novak", AccountKind.INDIVIDUAL, List.of(
                    new ClientLogin("isabel", "Isabel Novak"))),
            new Client("liam-walsh", "Liam Walsh", AccountKind.INDIVIDUAL, List.of(
                    new ClientLogin("liam", "Liam Walsh"))),
            new Client("globex", "Globex Logistics", AccountKind.ORGANISATION, List.of(
                    new ClientLogin("gina", "Gina Ford"))),
            new Client("harbor-dental", "Harbor Dental Clinic", AccountKind.ORGANISATION, List.of()),
            new Client("blue-fern", "Blue Fern Yoga", AccountKind.ORGANISATION, List.of()),
            new Client("oak-and-iron", "Oak & Iron Furniture", AccountKind.ORGANISATION, List.of()),
            new Client("sofia-rossi", "Sofia Rossi", AccountKind.INDIVIDUAL, List.of()),
            new Client("northpeak", "Northpeak Outdoor", AccountKind.ORGANISATION, List.of()),
            new Client("lumen-labs", "Lumen Labs", AccountKind.ORGANISATION, List.of()),
            new Client("daniel-kim", "Daniel Kim", AccountKind.INDIVIDUAL, List.of()),
            new Client("copper-kettle", "The Copper Kettle", AccountKind.ORGANISATION, List.of()),
            new Client("verde-gardens", "Verde Gardens", AccountKind.ORGANISATION, List.of()),
            new Client("emma-schultz", "Emma Schultz", AccountKind.INDIVIDUAL, List.of()));

    private DemoPeople() {
    }

    static Optional<TeamUser> teamUser(String id) {
        return TEAM.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    static Optional<Client> clientOf(String userId) {
        return CLIENTS.stream().filter(client -> client.users().stream().anyMatch(u -> u.id().equals(userId)))
                .findFirst();
    }

    static List<String> userNames() {
        return java.util.stream.Stream.concat(TEAM.stream().map(TeamUser::id),
                CLIENTS.stream().flatMap(client -> client.users().stream()).map(ClientLogin::id)).toList();
    }
}

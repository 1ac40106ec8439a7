package io.clientportal.messaging.examples.portal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The host's own endpoints that the page needs beside the messaging API: the library leaves users to the host, so
 * the team directory ("Add participants") and the client list (announcements) come from the portal's records.
 */
@RestController
class DemoDirectoryController {

    /** A team member as "Add participants" lists them. */
    record TeamEntry(String id, String displayName, String role, String title) {
    }

    /** A client account as the announcement dialog lists it, with the users who sign in for it. */
    record ClientEntry(String id, String name, String kind, List<DemoPeople.ClientLogin> users) {
    }

    /** Who can sign in, for the login page. */
    record SignInOption(String username, String displayName, String description, String group) {
    }

    @GetMapping("/demo/team")
    List<TeamEntry> team() {
        return DemoPeople.TEAM.stream()
                .map(member -> new TeamEntry(member.id(), member.displayName(), member.role().name(), member.title()))
                .toList();
    }

    @GetMapping("/demo/clients")
    List<ClientEntry> clients() {
        return DemoPeople.CLIENTS.stream()
                .map(client -> new ClientEntry(client.id(), client.name(), client.kind().name(),
                        client.users()))
                .toList();
    }

    @GetMapping("/demo/sign-in-options")
    List<SignInOption> signInOptions() {
        List<SignInOption> team = DemoPeople.TEAM.stream()
                .map(member -> new SignInOption(member.id(), member.displayName(),
                        capitalise(member.role().name()) + " · " + member.title(), "Team"))
                .toList();
        List<SignInOption> clients = DemoPeople.CLIENTS.stream()
                .flatMap(client -> client.users().stream().map(user -> new SignInOption(user.id(),
                        user.displayName(), client.kind().name().equals("INDIVIDUAL") ? "Individual client"
                        : client.name(), "Clients")))
                .toList();
        return java.util.stream.Stream.concat(team.stream(), clients.stream()).toList();
    }

    private static String capitalise(String role) {
        return role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}

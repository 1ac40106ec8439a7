package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Directory;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Syncs the agency's people into the messaging directory at every start (the calls are idempotent, as a host's sync
 * job's would be), and on the very first start adds participants and a little history.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Messaging messaging;

    DemoSeeder(Messaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public void run(ApplicationArguments args) {
        Directory directory = messaging.directory();
        boolean firstStart = directory.teamMember("olivia").isEmpty();
        for (DemoPeople.TeamUser member : DemoPeople.TEAM) {
            directory.upsertTeamMember(member.id(), member.displayName(), member.role());
        }
        for (DemoPeople.Client client : DemoPeople.CLIENTS) {
            directory.createClientAccount(client.id(), client.name(), client.kind());
            for (DemoPeople.ClientLogin user : client.users()) {
                directory.addClientUser(client.id(), user.id(), user.displayName());
            }
        }
        if (firstStart) {
            seedHistory();
            log.info("Seeded the demo portal's participants and history");
        }
    }

    private void seedHistory() {
        Actor olivia = Actor.teamMember("olivia");
        Actor maya = Actor.teamMember("maya");
        Actor aiden = Actor.teamMember("aiden");
        Actor ava = Actor.teamMember("ava");

        for (DemoPeople.Client client : DemoPeople.CLIENTS) {
            if (client.users().isEmpty()) {
                post(maya, client.id(), "Welcome aboard, " + client.name() + "! This chat is your direct line to "
                        + "the Northwind Studio team.");
            }
        }

        ConversationId liam = participants("liam-walsh", "ava", null);
        post(ava, liam, "Hi Liam, the invoice for your March retainer is ready in the portal.");
        post(Actor.clientUser("liam"), liam, "Thanks Ava, I'll settle it this week.");

        ConversationId globex = participants("globex", "ava", null);
        post(Actor.clientUser("gina"), globex, "The shipment tracking page loads slowly on mobile. Can you take a look?");
        post(ava, globex, "On it, Gina. I'll report back this afternoon.");
        post(ava, globex, "Found it: the map tiles weren't cached. A fix goes live tonight.");

        ConversationId isabel = participants("isabel-novak", "aiden", "walter");
        post(Actor.clientUser("isabel"), isabel, "Hello! I'd like to refresh the photos on my portfolio site.");
        post(aiden, isabel, "Happy to help, Isabel. Send them over whenever you're ready.");

        ConversationId acme = participants("acme", "aiden", "walter");
        post(Actor.clientUser("alice"), acme, "Hi! Could you send over the new menu board designs when they're ready?");
        post(aiden, acme, "Morning Alice! First drafts are done; I'll share the PDFs here by Thursday.");
        post(Actor.clientUser("bob"), acme, "Great, thanks. Could we also get a version for the window display?");
        post(aiden, acme, "Of course, Bob. Adding it to the list.");
        post(Actor.clientUser("alice"), acme, "Lovely. One more thing: can the prices be in a bigger font?");

        messaging.announcements().send(olivia, NewAnnouncement.toClients(
                java.util.List.of("harbor-dental", "blue-fern", "oak-and-iron"),
                "Our studio moves to 12 Harbour Street on the 1st. Your portal and contacts stay the same.")
                .highlighted());
    }

    private ConversationId participants(String accountId, String agent, String watcher) {
        Actor owner = Actor.teamMember("olivia");
        ConversationId id = messaging.conversations().conversationOf(owner, accountId).id();
        messaging.conversations().addParticipant(owner, id, agent, Access.WRITE);
        if (watcher != null) {
            messaging.conversations().addParticipant(owner, id, watcher, Access.READ_ONLY);
        }
        return id;
    }

    private void post(Actor author, String accountId, String text) {
        post(author, messaging.conversations().conversationOf(Actor.teamMember("olivia"), accountId).id(), text);
    }

    private void post(Actor author, ConversationId conversation, String text) {
        messaging.messages().post(author, conversation, NewMessage.text(text));
    }
}

package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unread counts stay exact through every kind of change, for readers who see every conversation (owners, admins,
 * managers: their total is read from counts kept as rows are written) as for those who see some (agents and
 * watchers: their total too, over the conversations they take part in): the total, each inbox row's count and the
 * unread-only page always agree.
 */
public abstract class KeptCountsContract extends Contract {

    @Test
    void countsStayExactThroughPostsReadsDeletesEditsParticipantsAnnouncementsAndAccountDeletion() {
        var w = world();
        Message a1 = w.post(w.alice, w.acme, "a1");
        Message a2 = w.post(w.alice, w.acme, "a2");
        w.post(w.ivan, w.solo, "i1");
        Message o1 = w.post(w.olga, w.other, "o1");
        w.post(w.olga, w.other, "o2");
        Message o3 = w.post(w.olga, w.other, "o3");
        expect(w, w.owner, 6);
        expect(w, w.admin, 6);
        expect(w, w.agent, 2);

        Message own = w.post(w.owner, w.acme, "w1");   // the owner's horizon moves past acme's
        expect(w, w.owner, 4);
        expect(w, w.admin, 7);
        w.post(w.bob, w.acme, "b1");
        expect(w, w.owner, 5);
        expect(w, w.agent, 4);

        w.messaging.messages().markRead(w.owner, w.other, 2);
        expect(w, w.owner, 3);

        w.messaging.messages().delete(w.olga, o3.id());   // after the owner's horizon
        expect(w, w.owner, 2);
        expect(w, w.admin, 7);
        w.messaging.messages().delete(w.olga, o1.id());   // before it: read already
        expect(w, w.owner, 2);
        expect(w, w.admin, 6);

        w.messaging.messages().edit(w.alice, a2.id(), "a2, edited");
        expect(w, w.owner, 2);

        w.messaging.messages().delete(w.owner, a1.id());
        w.messaging.messages().delete(w.owner, own.id());   // their own: never unread for them, but for others
        expect(w, w.owner, 2);
        expect(w, w.admin, 4);
        expect(w, w.agent, 2);

        w.messaging.conversations().addParticipant(w.owner, w.solo, "agent-out", Access.WRITE);
        expect(w, w.outsider, 1);
        w.messaging.conversations().changeAccess(w.owner, w.solo, "agent-out", Access.READ_ONLY);
        expect(w, w.outsider, 1);
        w.messaging.conversations().removeParticipant(w.owner, w.solo, "agent-out");
        expect(w, w.outsider, 0);

        var sent = w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients("news"));
        AnnouncementContract.awaitDelivered(w, sent.id());
        expect(w, w.owner, 2);   // their own announcement is never unread for them
        expect(w, w.admin, 7);
        expect(w, w.agent, 3);
        expect(w, w.alice, 2);
        expect(w, w.ivan, 1);

        w.messaging.messages().markRead(w.owner, w.acme, 999);
        expect(w, w.owner, 1);
        Message announced = w.messaging.messages().history(w.owner, w.solo, HistoryQuery.latest(1)).items().get(0);
        w.messaging.messages().delete(w.owner, announced.id());
        expect(w, w.owner, 1);
        expect(w, w.ivan, 0);
        expect(w, w.admin, 6);

        w.messaging.directory().deleteClientAccount("other");
        expect(w, w.owner, 1);
        expect(w, w.admin, 4);
        expect(w, w.manager, 4);
    }

    @Test
    void theUnreadOnlyPageListsExactlyTheUnreadConversationsNewestFirstAcrossPages() {
        var w = world();
        List<ConversationId> unread = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ConversationId id = w.messaging.directory().createClientAccount("c" + i, "Client " + i,
                    AccountKind.INDIVIDUAL).id();
            w.messaging.directory().addClientUser("c" + i, "u" + i, "User " + i);
            w.clock.advance(java.time.Duration.ofSeconds(1));
            w.post(Actor.clientUser("u" + i), id, "question " + i);
            if (i % 3 == 0) {
                w.messaging.messages().markRead(w.owner, id, 1);
            } else {
                unread.add(0, id);   // newest first
            }
        }
        expect(w, w.owner, unread.size());

        List<ConversationId> listed = new ArrayList<>();
        Page<ConversationSummary> page = w.messaging.conversations().inbox(w.owner, InboxQuery.first(5).unreadOnly());
        while (true) {
            page.items().forEach(s -> {
                assertThat(s.unreadCount()).isEqualTo(1);
                listed.add(s.conversation().id());
            });
            if (!page.hasMore()) {
                break;
            }
            page = w.messaging.conversations().inbox(w.owner, InboxQuery.first(5).unreadOnly()
                    .after(page.nextCursor()));
        }
        assertThat(listed).containsExactlyElementsOf(unread);
    }

    /**
     * Agents and watchers: their total is the sum over the conversations they take part in (notes included, kept as
     * rows are written), through notes, reads, deletes either side of their horizon, edits, participants added,
     * removed and added again, access changes, announcements, a member removed from the directory and added again,
     * role changes there and back, and account deletion.
     */
    @Test
    void agentAndWatcherTotalsStayExactThroughNotesParticipantChangesRolesAnnouncementsAndDeletion() {
        var w = world();
        Message a1 = w.post(w.alice, w.acme, "a1");
        Message b1 = w.post(w.bob, w.acme, "b1");
        expect(w, w.agent, 2);
        expect(w, w.watcher, 2);
        expect(w, w.readOnlyAgent, 2);
        Message note = w.messaging.messages().post(w.agent, w.acme, NewMessage.note("n1"));
        expect(w, w.agent, 0);   // posting read what was before it
        expect(w, w.watcher, 3);   // a note counts for the team
        expect(w, w.readOnlyAgent, 3);

        w.messaging.messages().markRead(w.watcher, w.acme, 1);
        expect(w, w.watcher, 2);
        w.messaging.messages().delete(w.owner, a1.id());   // within every horizon that exists
        expect(w, w.agent, 0);
        expect(w, w.watcher, 2);
        expect(w, w.readOnlyAgent, 2);
        w.messaging.messages().delete(w.owner, note.id());   // the agent's own, after the watcher's horizon
        expect(w, w.agent, 0);
        expect(w, w.watcher, 1);
        expect(w, w.readOnlyAgent, 1);
        w.messaging.messages().edit(w.bob, b1.id(), "b1, edited");
        expect(w, w.watcher, 1);

        w.messaging.conversations().addParticipant(w.owner, w.solo, "agent-out", Access.WRITE);
        expect(w, w.outsider, 0);
        w.post(w.ivan, w.solo, "i1");
        expect(w, w.outsider, 1);
        w.messaging.conversations().changeAccess(w.owner, w.solo, "agent-out", Access.READ_ONLY);
        expect(w, w.outsider, 1);
        w.messaging.conversations().addParticipant(w.owner, w.solo, "watcher", Access.READ_ONLY);
        expect(w, w.watcher, 2);

        w.post(w.olga, w.other, "o1");
        w.messaging.conversations().addParticipant(w.owner, w.other, "agent", Access.WRITE);
        expect(w, w.agent, 1);
        w.messaging.messages().markRead(w.agent, w.other, 1);
        expect(w, w.agent, 0);
        w.messaging.conversations().removeParticipant(w.owner, w.other, "agent");
        w.post(w.olga, w.other, "o2");
        expect(w, w.agent, 0);
        w.messaging.conversations().addParticipant(w.owner, w.other, "agent", Access.WRITE);
        expect(w, w.agent, 1);   // their horizon stayed: only o2

        var sent = w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients("news"));
        AnnouncementContract.awaitDelivered(w, sent.id());
        expect(w, w.agent, 3);
        expect(w, w.watcher, 4);
        expect(w, w.readOnlyAgent, 2);
        expect(w, w.outsider, 2);

        w.messaging.directory().removeTeamMember("agent-out");
        w.messaging.directory().upsertTeamMember("agent-out", "Otto Outside", TeamRole.AGENT);
        expect(w, w.outsider, 0);   // removed from every conversation with the directory entry

        // The total over their conversations is kept whatever the role: a manager's reads there count on return.
        w.messaging.directory().upsertTeamMember("watcher", "Walt Watcher", TeamRole.MANAGER);
        w.post(w.watcher, w.solo, "m1");
        w.messaging.directory().upsertTeamMember("watcher", "Walt Watcher", TeamRole.WATCHER);
        expect(w, w.watcher, 2);
        expect(w, w.outsider, 0);

        w.messaging.directory().deleteClientAccount("acme");
        expect(w, w.agent, 2);
        expect(w, w.watcher, 0);
        expect(w, w.readOnlyAgent, 0);
    }

    /** An agent's inbox pages follow activity (a new message moves its conversation first), with or without counts. */
    @Test
    void anAgentsPagesFollowActivityAcrossPagesWithOrWithoutUnreadOnly() {
        var w = world();
        List<ConversationId> theirs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ConversationId id = w.messaging.directory().createClientAccount("c" + i, "Client " + i,
                    AccountKind.INDIVIDUAL).id();
            w.messaging.directory().addClientUser("c" + i, "u" + i, "User " + i);
            if (i % 2 == 0) {
                w.messaging.conversations().addParticipant(w.owner, id, "agent-out", Access.WRITE);
                theirs.add(0, id);
            }
            w.clock.advance(java.time.Duration.ofSeconds(1));
            w.post(Actor.clientUser("u" + i), id, "question " + i);
        }
        w.clock.advance(java.time.Duration.ofSeconds(1));
        ConversationId oldest = theirs.remove(theirs.size() - 1);
        w.post(Actor.clientUser("u0"), oldest, "again");
        theirs.add(0, oldest);
        w.messaging.messages().markRead(w.outsider, theirs.get(1), 99);
        w.messaging.messages().markRead(w.outsider, theirs.get(4), 99);
        expect(w, w.outsider, 7);

        assertThat(pages(w, w.outsider, false)).containsExactlyElementsOf(theirs);
        List<ConversationId> unread = new ArrayList<>(theirs);
        unread.remove(4);
        unread.remove(1);
        assertThat(pages(w, w.outsider, true)).containsExactlyElementsOf(unread);
    }

    /** The actor's whole inbox, through pages of 3. */
    private static List<ConversationId> pages(ContractFixture w, Actor actor, boolean unreadOnly) {
        List<ConversationId> listed = new ArrayList<>();
        InboxQuery first = unreadOnly ? InboxQuery.first(3).unreadOnly() : InboxQuery.first(3);
        Page<ConversationSummary> page = w.messaging.conversations().inbox(actor, first);
        while (true) {
            page.items().forEach(s -> listed.add(s.conversation().id()));
            if (!page.hasMore()) {
                return listed;
            }
            page = w.messaging.conversations().inbox(actor, first.after(page.nextCursor()));
        }
    }

    /**
     * The actor's unread total is {@code total}, the sum of their whole inbox's counts, and their unread-only inbox
     * is exactly the rows of it with a count.
     */
    private static void expect(ContractFixture w, Actor actor, long total) {
        assertThat(w.messaging.messages().unreadTotal(actor)).as("unread total of " + actor).isEqualTo(total);
        List<ConversationSummary> inbox = w.messaging.conversations().inbox(actor, InboxQuery.first(100)).items();
        assertThat(inbox.stream().mapToLong(ConversationSummary::unreadCount).sum())
                .as("inbox counts of " + actor).isEqualTo(total);
        List<ConversationSummary> unreadOnly = w.messaging.conversations()
                .inbox(actor, InboxQuery.first(100).unreadOnly()).items();
        assertThat(unreadOnly).as("unread-only inbox of " + actor)
                .containsExactlyElementsOf(inbox.stream().filter(s -> s.unreadCount() > 0).toList());
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Notification;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.InboxRequest;
import io.clientportal.messaging.spi.InboxRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.StoreTransaction;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What waits for a recipient at send time, from the same counts and history the core answers them with: the
 * conversations in their scope (a client user's one; a team member's participations, whatever their role) with
 * unread messages, of which at least one is newer than what their last notification covered.
 */
final class NotificationContent {

    /** The most conversations one notification lists. */
    private static final int CONVERSATIONS = 20;
    /** The newest messages shown per conversation. */
    private static final int NEWEST = 3;
    /** How many of a conversation's newest messages are read to find the newest unread among them. */
    private static final int PAGE = 50;

    /** A recipient's name and what waits for them; {@code newest} is the newest message's creation time. */
    record Content(String recipientName, List<Notification.ConversationUnread> conversations, Instant newest) {
    }

    private NotificationContent() {
    }

    /**
     * What to tell {@code recipient} about; empty when nothing unread is newer than {@code since} (read
     * meanwhile), or the directory no longer knows them.
     *
     * @param since       what the last notification covered; {@code null} before the first
     * @param includeText whether message text may be shown
     */
    static Optional<Content> of(StoreTransaction store, Actor recipient, Instant since, boolean includeText) {
        return of(store, recipient, since, includeText, Map.of());
    }

    /**
     * As {@link #of(StoreTransaction, Actor, Instant, boolean)}, and for a team member also the conversations
     * outside their participations where they have unread mentions ({@code mentioned}: those they may see now).
     */
    static Optional<Content> of(StoreTransaction store, Actor recipient, Instant since, boolean includeText,
                                Map<ConversationId, Long> mentioned) {
        String name;
        ConversationScope scope;
        if (recipient.isTeamMember()) {
            Optional<TeamMemberRow> member = store.directory().teamMember(recipient.id());
            if (member.isEmpty()) {
                return Optional.empty();
            }
            name = member.get().displayName();
            scope = ConversationScope.participantOf(recipient.id());
        } else {
            Optional<ClientUserRow> user = store.directory().clientUser(recipient.id());
            Optional<ConversationRow> conversation = user.flatMap(u -> store.conversations().ofAccount(u.accountId()));
            if (conversation.isEmpty()) {
                return Optional.empty();
            }
            name = user.get().displayName();
            scope = ConversationScope.only(conversation.get().id());
        }
        // A client's count and messages are the clients' view: never a note (Notes says it once).
        boolean clientView = Notes.clientView(recipient);
        List<InboxRow> rows = new ArrayList<>(store.readState().inbox(new InboxRequest(recipient, scope, null, null,
                Notes.unread(recipient), true, CONVERSATIONS)));
        Set<ConversationId> listed = new HashSet<>();
        rows.forEach(row -> listed.add(row.conversation().id()));
        for (ConversationId id : mentioned.keySet()) {
            if (rows.size() < CONVERSATIONS && listed.add(id)) {
                rows.addAll(store.readState().inbox(new InboxRequest(recipient, ConversationScope.only(id), null, null,
                        Notes.unread(recipient), true, 1)));
            }
        }
        List<Notification.ConversationUnread> conversations = new ArrayList<>();
        Instant newest = null;
        for (InboxRow row : rows) {
            if (row.count() <= 0) {
                continue;
            }
            // The unread messages are the newest of the others' visible, undeleted ones: as many as the count.
            List<MessageRow> unread = new ArrayList<>();
            for (MessageRow message : store.messages().page(row.conversation().id(), null, null, PAGE, clientView)) {
                if (!message.deleted() && !message.author().equals(recipient)
                        && NotificationRules.mayTell(recipient, message)) {
                    unread.add(message);
                }
            }
            int from = (int) Math.max(0, unread.size() - Math.min(row.count(), NEWEST));
            List<MessageRow> shown = unread.subList(from, unread.size());
            if (shown.isEmpty()) {
                continue;
            }
            Instant latest = shown.get(shown.size() - 1).createdAt();
            if (since != null && !latest.isAfter(since)) {
                continue;   // told already; nothing new here since
            }
            newest = newest == null || latest.isAfter(newest) ? latest : newest;
            conversations.add(new Notification.ConversationUnread(row.conversation().id(),
                    row.conversation().clientAccountId(), row.conversation().clientName(), row.count(),
                    shown.stream().map(m -> new Notification.UnreadMessage(m.id(), m.authorName(),
                            includeText && !m.text().isEmpty() ? Optional.of(m.text()) : Optional.empty(),
                            m.createdAt())).toList()));
        }
        return conversations.isEmpty() ? Optional.empty() : Optional.of(new Content(name, conversations, newest));
    }
}

package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.TeamRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the library should hold and answer, written from ARCHITECTURE.md's rules and authorisation table, without
 * any of its code: the directory, each conversation with its messages, participants and read horizons, and the
 * announcements. Ids and times are the ones the library handed out (they are not the rules' business); everything
 * else follows from the rules alone.
 */
final class ReferenceModel {

    /** The edit window of the default limits, in the model clock's minutes. */
    static final long EDIT_WINDOW_MINUTES = 15;

    /** What the rules answer to a request. */
    enum Decision { ALLOW, DENY, HIDE }

    /** A client conversation. */
    static final class Conv {
        final ConversationId id;
        final String accountId;
        final String name;
        final Instant createdAt;
        final String label;
        Instant lastMessageAt;
        boolean deleted;
        final List<Msg> messages = new ArrayList<>();
        /** Team member id to the access stored for them (what was last set, whatever their role now). */
        final Map<String, Access> participants = new LinkedHashMap<>();
        final Map<Actor, Long> horizons = new LinkedHashMap<>();
        /** The team state: the assignee ({@code null}: nobody) and the team status. */
        String assignee;
        ConversationStatus status = ConversationStatus.OPEN;

        Conv(ConversationId id, String accountId, String name, Instant createdAt, String label) {
            this.id = id;
            this.accountId = accountId;
            this.name = name;
            this.createdAt = createdAt;
            this.label = label;
        }

        long lastSeq() {
            return messages.size();
        }

        /** The messages a client sees: none of the internal notes. */
        List<Msg> clientMessages() {
            return messages.stream().filter(m -> !m.internal).toList();
        }

        /** The messages the actor sees: the team everything, a client no note. */
        List<Msg> messagesFor(Actor actor) {
            return actor.isTeamMember() ? messages : clientMessages();
        }

        /** The last seq as the actor sees it: a client counts only what it sees. */
        long lastSeqFor(Actor actor) {
            return actor.isTeamMember() ? lastSeq() : clientMessages().size();
        }

        /** The last message time as the actor sees it. */
        Instant lastMessageAtFor(Actor actor) {
            List<Msg> seen = messagesFor(actor);
            return seen.isEmpty() ? null : seen.get(seen.size() - 1).createdAt;
        }

        Instant activity() {
            return lastMessageAt != null ? lastMessageAt : createdAt;
        }

        long horizon(Actor reader) {
            return horizons.getOrDefault(reader, 0L);
        }

        /**
         * Messages by others after the reader's horizon that are not deleted: for a client, among what it sees, its
         * horizon a client seq.
         */
        long unread(Actor reader) {
            long horizon = horizon(reader);
            return messagesFor(reader).stream().filter(m -> m.seqFor(reader) > horizon && !m.deleted
                    && !m.author.equals(reader)).count();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A message (or an announcement's copy in one conversation). */
    static final class Msg {
        final int number;
        final MessageId id;
        final Conv conv;
        final long seq;
        final Actor author;
        final String authorName;
        final String postedText;
        final String clientMessageId;
        final AnnouncementId announcementId;
        final boolean highlighted;
        final Instant createdAt;
        /** The model clock's minutes when it was posted (the edit window counts from here). */
        final long postedAtMinute;
        final List<String> attachmentNames;
        /** Every text it ever had, the posted one first. */
        final List<String> texts = new ArrayList<>();
        String text;
        Instant editedAt;
        boolean deleted;
        /** Whether it is an internal note (the team's only). */
        boolean internal;
        /** Its position among the messages a client sees (that of the last one before it, for a note). */
        long clientSeq;

        Msg(int number, MessageId id, Conv conv, long seq, Actor author, String authorName, String text,
            String clientMessageId, AnnouncementId announcementId, boolean highlighted, Instant createdAt,
            long postedAtMinute, List<String> attachmentNames) {
            this.number = number;
            this.id = id;
            this.conv = conv;
            this.seq = seq;
            this.author = author;
            this.authorName = authorName;
            this.postedText = text;
            this.clientMessageId = clientMessageId;
            this.announcementId = announcementId;
            this.highlighted = highlighted;
            this.createdAt = createdAt;
            this.postedAtMinute = postedAtMinute;
            this.attachmentNames = List.copyOf(attachmentNames);
            this.text = text;
            this.texts.add(text);
        }

        boolean edited() {
            return editedAt != null;
        }

        /** Its seq as the actor is given it: a client its client seq. */
        long seqFor(Actor actor) {
            return actor.isTeamMember() ? seq : clientSeq;
        }

        @Override
        public String toString() {
            return "m" + number + "(" + conv.label + "#" + seq + ")";
        }
    }

    /** An announcement, delivered before the model goes on. */
    static final class Ann {
        final int number;
        final AnnouncementId id;
        final Actor author;
        final String text;
        final boolean highlighted;
        final int targetCount;
        final List<Msg> copies = new ArrayList<>();

        Ann(int number, AnnouncementId id, Actor author, String text, boolean highlighted, int targetCount) {
            this.number = number;
            this.id = id;
            this.author = author;
            this.text = text;
            this.highlighted = highlighted;
            this.targetCount = targetCount;
        }

        /** Targets whose conversation still exists and where some client user's horizon passed the copy. */
        int readCount() {
            return (int) copies.stream().filter(copy -> !copy.conv.deleted && copy.conv.horizons.entrySet().stream()
                    .anyMatch(h -> !h.getKey().isTeamMember() && h.getValue() >= copy.clientSeq)).count();
        }

        @Override
        public String toString() {
            return "a" + number;
        }
    }

    final Map<String, TeamRole> team = new LinkedHashMap<>();
    final Map<String, String> teamNames = new LinkedHashMap<>();
    final Map<String, AccountKind> accounts = new LinkedHashMap<>();
    final Map<String, String> accountNames = new LinkedHashMap<>();
    /** Client user id to their account. */
    final Map<String, String> users = new LinkedHashMap<>();
    final Map<String, String> userNames = new LinkedHashMap<>();
    final Map<String, Conv> liveConversations = new LinkedHashMap<>();
    /** Every conversation ever, deleted ones too (their ids must stay not found). */
    final List<Conv> conversations = new ArrayList<>();
    /** Every message ever, in the order they were made (actions name them by index). */
    final List<Msg> messages = new ArrayList<>();
    final List<Ann> announcements = new ArrayList<>();
    /** The model clock's position in minutes. */
    long minute;

    // --- who is who ----------------------------------------------------------------------------------------

    Optional<TeamRole> role(Actor actor) {
        return actor.isTeamMember() ? Optional.ofNullable(team.get(actor.id())) : Optional.empty();
    }

    boolean isManager(Actor actor) {
        return role(actor).map(TeamRole::isManager).orElse(false);
    }

    /** Whether the directory knows the actor. */
    boolean isKnown(Actor actor) {
        return actor.isTeamMember() ? team.containsKey(actor.id()) : users.containsKey(actor.id());
    }

    String displayName(Actor actor) {
        return actor.isTeamMember() ? teamNames.get(actor.id()) : userNames.get(actor.id());
    }

    Conv conversationOf(String accountId) {
        return liveConversations.get(accountId);
    }

    /** The conversation an action names by account: the live one, else the last deleted one, else none. */
    Optional<Conv> namedConversation(String accountId) {
        Conv live = liveConversations.get(accountId);
        if (live != null) {
            return Optional.of(live);
        }
        for (int i = conversations.size() - 1; i >= 0; i--) {
            if (conversations.get(i).accountId.equals(accountId)) {
                return Optional.of(conversations.get(i));
            }
        }
        return Optional.empty();
    }

    // --- the authorisation table ---------------------------------------------------------------------------

    /** See the conversation, its history, participants and attachments. */
    Decision view(Actor actor, Conv conv) {
        if (conv == null || conv.deleted) {
            return Decision.HIDE;
        }
        if (actor.isTeamMember()) {
            TeamRole role = team.get(actor.id());
            if (role == null) {
                return Decision.HIDE;
            }
            return role.isManager() || conv.participants.containsKey(actor.id()) ? Decision.ALLOW : Decision.HIDE;
        }
        return conv.accountId.equals(users.get(actor.id())) ? Decision.ALLOW : Decision.HIDE;
    }

    /** Whether a viewer may write: staff, a client of the account, an agent with WRITE (never a watcher). */
    private boolean writes(Actor actor, Conv conv) {
        if (!actor.isTeamMember()) {
            return true;
        }
        TeamRole role = team.get(actor.id());
        return role.isManager() || (role == TeamRole.AGENT && conv.participants.get(actor.id()) == Access.WRITE);
    }

    Decision post(Actor actor, Conv conv) {
        if (view(actor, conv) != Decision.ALLOW) {
            return Decision.HIDE;
        }
        return writes(actor, conv) ? Decision.ALLOW : Decision.DENY;
    }

    /** Assigning and setting the team status: as posting, for team members; a client is not told it exists. */
    Decision assign(Actor actor, Conv conv) {
        return actor.isTeamMember() ? post(actor, conv) : Decision.HIDE;
    }

    /**
     * Post an internal note: everyone of the team who sees the conversation but a watcher; a client is not told notes
     * exist.
     */
    Decision postNote(Actor actor, Conv conv) {
        if (view(actor, conv) != Decision.ALLOW || !actor.isTeamMember()) {
            return Decision.HIDE;
        }
        return team.get(actor.id()) == TeamRole.WATCHER ? Decision.DENY : Decision.ALLOW;
    }

    /** Whether the actor may see the message, seeing its conversation: a note only the team. */
    static boolean seesMessage(Actor actor, Msg message) {
        return actor.isTeamMember() || !message.internal;
    }

    /** The effective access an inbox row shows: WRITE where the actor may post. */
    Access effectiveAccess(Actor actor, Conv conv) {
        return post(actor, conv) == Decision.ALLOW ? Access.WRITE : Access.READ_ONLY;
    }

    /** Nobody edits another's message (staff delete instead); one's own as the table's "edit/delete own" row. */
    Decision edit(Actor actor, Msg message) {
        if (view(actor, message.conv) != Decision.ALLOW || !seesMessage(actor, message)) {
            return Decision.HIDE;
        }
        return message.author.equals(actor) && mayChangeOwn(actor, message) ? Decision.ALLOW : Decision.DENY;
    }

    /** One's own as "edit/delete own"; another's only by owners, admins and managers. */
    Decision delete(Actor actor, Msg message) {
        if (view(actor, message.conv) != Decision.ALLOW || !seesMessage(actor, message)) {
            return Decision.HIDE;
        }
        if (message.author.equals(actor)) {
            return mayChangeOwn(actor, message) ? Decision.ALLOW : Decision.DENY;
        }
        return isManager(actor) ? Decision.ALLOW : Decision.DENY;
    }

    /** Staff always; agents with WRITE and clients within the edit window; read-only agents and watchers never. */
    private boolean mayChangeOwn(Actor actor, Msg message) {
        if (isManager(actor)) {
            return true;
        }
        boolean withinWindow = minute - message.postedAtMinute < EDIT_WINDOW_MINUTES;
        // An agent who posted a note changes it as a writer their messages, whatever their access.
        boolean noteByAgent = message.internal && team.get(actor.id()) == TeamRole.AGENT;
        return (writes(actor, message.conv) || noteByAgent) && withinWindow;
    }

    /** Add or remove participants, change access: staff only; a client is not told. */
    Decision manageParticipants(Actor actor, Conv conv) {
        if (view(actor, conv) != Decision.ALLOW || !actor.isTeamMember()) {
            return Decision.HIDE;
        }
        return isManager(actor) ? Decision.ALLOW : Decision.DENY;
    }

    /** The access a participant has, whatever is stored: staff WRITE, watchers READ_ONLY, agents as stored. */
    Access effectiveParticipantAccess(String teamMemberId, Access stored) {
        TeamRole role = team.get(teamMemberId);
        if (role.isManager()) {
            return Access.WRITE;
        }
        return role == TeamRole.WATCHER ? Access.READ_ONLY : stored;
    }

    // --- what an actor sees --------------------------------------------------------------------------------

    /** The conversations in the actor's inbox, newest activity first (ties: the greater id first). */
    List<Conv> inbox(Actor actor) {
        return liveConversations.values().stream().filter(c -> view(actor, c) == Decision.ALLOW)
                .sorted(Comparator.comparing(Conv::activity)
                        .thenComparing((Conv c) -> c.id.value().toString()).reversed())
                .toList();
    }

    long unreadTotal(Actor actor) {
        return inbox(actor).stream().mapToLong(c -> c.unread(actor)).sum();
    }
}

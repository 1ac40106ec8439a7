package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.ConversationAssigned;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationStatusChanged;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.model.TeamState;
import io.clientportal.messaging.testkit.ReferenceModel.Ann;
import io.clientportal.messaging.testkit.ReferenceModel.Conv;
import io.clientportal.messaging.testkit.ReferenceModel.Decision;
import io.clientportal.messaging.testkit.ReferenceModel.Msg;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * One run of the model-based test: the library (an engine on the store under test, in a tenant of its own) and the
 * {@link ReferenceModel} side by side. Every operation makes the call, checks the answer against what the model
 * predicts (outcome, exception type, returned values, events for each subscriber), then moves the model on; the
 * checks after each step ({@link ModelChecks}) compare everything readable.
 */
final class ModelRun implements AutoCloseable {

    /** How long background work (announcement delivery, cached read counts) may take to show. */
    static final Duration BACKGROUND = Duration.ofSeconds(10);
    /** How soon an announcement's read count must count a new reader (its cache lives 5 s, so less than that). */
    static final Duration READ_COUNT_FRESH = Duration.ofSeconds(2);

    /** A change the model expects the event feed to report, and who may see it. */
    record ModelEvent(Function<Actor, String> description, Predicate<Actor> visibleTo) {

        /** An event every subscriber it reaches sees alike. */
        ModelEvent(String description, Predicate<Actor> visibleTo) {
            this(actor -> description, visibleTo);
        }
    }

    final Messaging engine;
    final Messaging messaging;
    final SteppingClock clock;
    final ReferenceModel model = new ReferenceModel();
    final ModelFeeds feeds;
    final ModelChecks checks;
    final String sentinelStart;

    private final Map<UUID, Conv> conversationsById = new HashMap<>();
    private final Map<UUID, Msg> messagesById = new HashMap<>();
    private final Map<UUID, Ann> announcementsById = new HashMap<>();
    /** A conversation id that never existed: what actions on an account that was never created name. */
    private final ConversationId neverExisted = new ConversationId(UUID.randomUUID());
    private final Set<Conv> touched = new LinkedHashSet<>();
    private final Set<Actor> actorsOfStep = new LinkedHashSet<>();
    private final Set<Msg> touchedMessages = new LinkedHashSet<>();
    private int steps;

    /** A run in a new tenant of the engine, whose clock it moves. */
    ModelRun(Messaging engine, SteppingClock clock) {
        this.clock = clock;
        this.engine = engine;
        this.messaging = engine.tenant("model-" + UUID.randomUUID());
        this.feeds = new ModelFeeds(messaging, this::describe);
        this.checks = new ModelChecks(this);
        setUp();
        for (Actor subscriber : ModelCast.SUBSCRIBERS) {
            feeds.subscribe(subscriber);
        }
        this.sentinelStart = feeds.subscribe(ModelCast.SENTINEL).subscription.startEventId();
    }

    /** The cast's starting point: every role, two organisations and an individual, agents added to them. */
    private void setUp() {
        var directory = messaging.directory();
        directory.upsertTeamMember(ModelCast.SENTINEL.id(), "Sentinel", TeamRole.OWNER);
        model.team.put(ModelCast.SENTINEL.id(), TeamRole.OWNER);
        model.teamNames.put(ModelCast.SENTINEL.id(), "Sentinel");
        ModelCast.TEAM.forEach((id, role) -> {
            if (role != null) {
                directory.upsertTeamMember(id, ModelCast.displayName(id), role);
                model.team.put(id, role);
            }
            model.teamNames.put(id, ModelCast.displayName(id));
        });
        for (String accountId : ModelCast.ACCOUNTS) {
            AccountKind kind = ModelCast.initialKind(accountId);
            if (kind != null) {
                Conversation created = directory.createClientAccount(accountId, ModelCast.accountName(accountId),
                        kind);
                model.accounts.put(accountId, kind);
                newConversation(created);
            }
        }
        for (String userId : ModelCast.USERS) {
            model.userNames.put(userId, ModelCast.displayName(userId));
            String accountId = ModelCast.initialAccount(userId);
            if (accountId != null) {
                directory.addClientUser(accountId, userId, ModelCast.displayName(userId));
                model.users.put(userId, accountId);
            }
        }
        model.userNames.put(ModelCast.CLIENT_STRANGER, ModelCast.displayName(ModelCast.CLIENT_STRANGER));
        model.teamNames.put(ModelCast.TEAM_STRANGER, ModelCast.displayName(ModelCast.TEAM_STRANGER));
        participate("acme", "agent1", Access.WRITE);
        participate("acme", "agent2", Access.READ_ONLY);
        participate("acme", "watcher", Access.READ_ONLY);
        participate("beta", "agent2", Access.WRITE);
    }

    private void participate(String accountId, String teamMemberId, Access access) {
        Conv conv = model.conversationOf(accountId);
        messaging.conversations().addParticipant(ModelCast.SENTINEL, conv.id, teamMemberId, access);
        conv.participants.put(teamMemberId, access);
    }

    private Conv newConversation(Conversation created) {
        long earlier = model.conversations.stream().filter(c -> c.accountId.equals(created.clientAccountId()))
                .count();
        Conv conv = new Conv(created.id(), created.clientAccountId(), created.clientName(), created.createdAt(),
                created.clientAccountId() + (earlier == 0 ? "" : "'" + earlier));
        model.conversations.add(conv);
        model.liveConversations.put(conv.accountId, conv);
        conversationsById.put(conv.id.value(), conv);
        return conv;
    }

    // --- bookkeeping of a step ---------------------------------------------------------------------------------

    /** Called before each step's call. */
    private void begin(Actor actor, Conv conv) {
        steps++;
        touched.clear();
        touchedMessages.clear();
        actorsOfStep.clear();
        if (actor != null) {
            actorsOfStep.add(actor);
        }
        if (conv != null) {
            touched.add(conv);
        }
    }

    int steps() {
        return steps;
    }

    Set<Conv> touched() {
        return touched;
    }

    Set<Actor> actorsOfStep() {
        return actorsOfStep;
    }

    /** The messages the step edited or deleted (or tried to). */
    Set<Msg> touchedMessages() {
        return touchedMessages;
    }

    /** The id an action on this account's conversation uses: the live one, a deleted one, or one never made. */
    private ConversationId idOf(Conv conv) {
        return conv == null ? neverExisted : conv.id;
    }

    /**
     * Before a change to who may see what: every event so far must have reached its subscribers, so that the
     * relay judges each event by the state it was emitted in, as a live client would see it.
     */
    private void settle() {
        feeds.awaitAll();
    }

    private void emit(List<ModelEvent> events) {
        feeds.expect(actor -> events.stream().filter(e -> e.visibleTo().test(actor))
                .map(e -> e.description().apply(actor)).toList());
    }

    private Predicate<Actor> viewersOf(Conv conv) {
        return actor -> model.view(actor, conv) == Decision.ALLOW;
    }

    /** Who may see an event of the message: its conversation's viewers, and for a note the team's only. */
    private Predicate<Actor> viewersOf(Msg msg) {
        return viewersOf(msg.conv).and(actor -> ReferenceModel.seesMessage(actor, msg));
    }

    /** A message's event as each subscriber reads it: a client with the message's client seq. */
    private ModelEvent messageEvent(String type, Msg msg) {
        return new ModelEvent(actor -> type + " " + msg.conv + " " + label(msg, actor), viewersOf(msg));
    }

    // --- the directory -----------------------------------------------------------------------------------------

    void upsertTeamMember(String id, TeamRole role) {
        begin(null, null);
        settle();
        boolean known = model.team.containsKey(id);
        TeamMember member = Outcome.OK.expect("upsertTeamMember(" + id + ", " + role + ")",
                () -> messaging.directory().upsertTeamMember(id, ModelCast.displayName(id), role)).value();
        check(member.equals(new TeamMember(id, ModelCast.displayName(id), role)), () -> "upsert answered " + member);
        model.team.put(id, role);
        List<ModelEvent> events = new ArrayList<>();
        if (role == TeamRole.WATCHER) {
            // A watcher never holds WRITE: a demotion takes it away everywhere at once.
            for (Conv conv : model.liveConversations.values()) {
                if (conv.participants.get(id) == Access.WRITE) {
                    conv.participants.put(id, Access.READ_ONLY);
                    touched.add(conv);
                    events.add(new ModelEvent(participantEvent("ParticipantAccessChanged", conv, id,
                            Access.READ_ONLY), viewersOf(conv)));
                }
            }
        }
        emit(events);
        resubscribeIfReturned(Actor.teamMember(id), known);
    }

    void removeTeamMember(String id) {
        begin(null, null);
        settle();
        Outcome.OK.expectRun("removeTeamMember(" + id + ")", () -> messaging.directory().removeTeamMember(id));
        if (!model.team.containsKey(id)) {
            return;
        }
        List<ModelEvent> events = new ArrayList<>();
        for (Conv conv : model.liveConversations.values()) {
            if (conv.participants.remove(id) != null) {
                touched.add(conv);
                events.add(new ModelEvent("ParticipantRemoved " + conv + " " + id, viewersOf(conv)));
            }
            if (id.equals(conv.assignee)) {
                conv.assignee = null;
                touched.add(conv);
                events.add(new ModelEvent(assignedEvent(conv, null), teamViewersOf(conv)));
            }
        }
        model.team.remove(id);
        feeds.ended(Actor.teamMember(id));
        emit(events);
        check(messaging.directory().teamMember(id).isEmpty(), () -> "a removed team member is still in the directory");
    }

    void createAccount(String accountId, AccountKind kind) {
        begin(null, model.conversationOf(accountId));
        settle();
        AccountKind existing = model.accounts.get(accountId);
        String what = "createClientAccount(" + accountId + ", " + kind + ")";
        if (existing != null && existing != kind) {
            Outcome.CONFLICT.expect(what, () -> messaging.directory().createClientAccount(accountId,
                    ModelCast.accountName(accountId), kind));
            return;
        }
        Conversation answer = Outcome.OK.expect(what, () -> messaging.directory().createClientAccount(accountId,
                ModelCast.accountName(accountId), kind)).value();
        if (existing != null) {
            checks.conversation(what, answer, model.conversationOf(accountId), ModelCast.SENTINEL);
            return;
        }
        check(answer.lastSeq() == 0 && answer.lastMessageAt() == null
                && answer.clientName().equals(ModelCast.accountName(accountId))
                && answer.clientAccountId().equals(accountId), () -> what + " answered " + answer);
        check(!conversationsById.containsKey(answer.id().value()),
                () -> what + " reused the id of a deleted conversation");
        model.accounts.put(accountId, kind);
        Conv conv = newConversation(answer);
        touched.add(conv);
        emit(List.of(new ModelEvent("ConversationCreated " + conv, viewersOf(conv))));
    }

    void addClientUser(String accountId, String userId) {
        begin(null, model.conversationOf(accountId));
        settle();
        String what = "addClientUser(" + accountId + ", " + userId + ")";
        String current = model.users.get(userId);
        AccountKind kind = model.accounts.get(accountId);
        Outcome expected;
        if (kind == null) {
            expected = Outcome.NOT_FOUND;
        } else if (current != null) {
            expected = current.equals(accountId) ? Outcome.OK : Outcome.CONFLICT;
        } else if (kind == AccountKind.INDIVIDUAL && model.users.containsValue(accountId)) {
            expected = Outcome.CONFLICT;   // an individual account has exactly one user
        } else {
            expected = Outcome.OK;
        }
        Outcome.Answer<ClientUser> answer = expected.expect(what,
                () -> messaging.directory().addClientUser(accountId, userId, ModelCast.displayName(userId)));
        if (answer.ok()) {
            check(answer.value().equals(new ClientUser(userId, accountId, ModelCast.displayName(userId))),
                    () -> what + " answered " + answer.value());
            model.users.put(userId, accountId);
            resubscribeIfReturned(Actor.clientUser(userId), current != null);
        }
    }

    void removeClientUser(String userId) {
        begin(null, null);
        settle();
        Outcome.OK.expectRun("removeClientUser(" + userId + ")", () -> messaging.directory().removeClientUser(userId));
        if (model.users.remove(userId) != null) {
            feeds.ended(Actor.clientUser(userId));
        }
        check(messaging.directory().clientUser(userId).isEmpty(),
                () -> "a removed client user is still in the directory");
    }

    void deleteAccount(String accountId) {
        Conv conv = model.conversationOf(accountId);
        begin(null, conv);
        settle();
        Outcome.OK.expectRun("deleteClientAccount(" + accountId + ")",
                () -> messaging.directory().deleteClientAccount(accountId));
        if (model.accounts.remove(accountId) == null) {
            return;
        }
        List<String> users = model.users.entrySet().stream().filter(e -> e.getValue().equals(accountId))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> team = conv.participants.keySet().stream().sorted().toList();
        // Staff and the conversation's participants are told; its users are leaving with it.
        Predicate<Actor> told = actor -> model.isManager(actor)
                || (actor.isTeamMember() && team.contains(actor.id()) && model.isKnown(actor));
        users.forEach(model.users::remove);
        conv.deleted = true;
        model.liveConversations.remove(accountId);
        for (String userId : users) {
            feeds.ended(Actor.clientUser(userId));
        }
        emit(List.of(new ModelEvent("ConversationDeleted " + conv + " team=" + team + " users=" + users, told)));
        check(messaging.directory().clientAccount(accountId).isEmpty(), () -> "a deleted account is still there");
    }

    /** A subscriber that left the directory and is back gets a new stream (its old one ended). */
    private void resubscribeIfReturned(Actor actor, boolean wasKnown) {
        if (!wasKnown && ModelCast.SUBSCRIBERS.contains(actor) && feeds.of(actor) == null) {
            feeds.subscribe(actor);
        }
    }

    // --- participants ------------------------------------------------------------------------------------------

    void saveParticipant(Actor actor, String accountId, String teamMemberId, Access access, boolean add) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        settle();
        String what = (add ? "addParticipant" : "changeAccess") + " by " + ModelCast.name(actor) + " in "
                + (conv == null ? accountId : conv) + ": " + teamMemberId + " " + access;
        Outcome expected = Outcome.of(model.manageParticipants(actor, conv));
        String field = null;
        TeamRole role = model.team.get(teamMemberId);
        Access stored = conv == null ? null : conv.participants.get(teamMemberId);
        if (expected == Outcome.OK) {
            if (role == null) {
                expected = Outcome.NOT_FOUND;
            } else if ((role == TeamRole.WATCHER && access == Access.WRITE)
                    || (role.isManager() && access == Access.READ_ONLY)) {
                // A request that cannot take effect says so, never pretends.
                expected = Outcome.INVALID;
                field = "access";
            } else if (!add && stored == null) {
                expected = Outcome.NOT_FOUND;
            }
        }
        // Both wrong (an impossible access for someone who is no participant): either answer names a real fault.
        Set<Outcome> allowed = expected == Outcome.INVALID && !add && stored == null
                ? EnumSet.of(Outcome.INVALID, Outcome.NOT_FOUND) : EnumSet.of(expected);
        ConversationId id = idOf(conv);
        Outcome.Answer<Participant> answer = Outcome.expectOneOf(what, allowed, field, () -> add
                ? messaging.conversations().addParticipant(actor, id, teamMemberId, access)
                : messaging.conversations().changeAccess(actor, id, teamMemberId, access));
        if (!answer.ok()) {
            return;
        }
        Participant wanted = new Participant(teamMemberId, ModelCast.displayName(teamMemberId), role, access);
        check(answer.value().equals(wanted), () -> what + " answered " + answer.value() + ", not " + wanted);
        // The member's own views change with it: checked after this step (their total counts this conversation).
        actorsOfStep.add(Actor.teamMember(teamMemberId));
        if (stored != access) {
            conv.participants.put(teamMemberId, access);
            emit(List.of(new ModelEvent(participantEvent(stored == null ? "ParticipantAdded"
                    : "ParticipantAccessChanged", conv, teamMemberId, access), viewersOf(conv))));
        }
    }

    void removeParticipant(Actor actor, String accountId, String teamMemberId) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        settle();
        String what = "removeParticipant by " + ModelCast.name(actor) + " in " + (conv == null ? accountId : conv)
                + ": " + teamMemberId;
        Outcome expected = Outcome.of(model.manageParticipants(actor, conv));
        if (expected == Outcome.OK && !conv.participants.containsKey(teamMemberId)) {
            expected = Outcome.NOT_FOUND;
        }
        if (expected.expectRun(what, () -> messaging.conversations().removeParticipant(actor, idOf(conv),
                teamMemberId)).ok()) {
            conv.participants.remove(teamMemberId);
            actorsOfStep.add(Actor.teamMember(teamMemberId));
            Predicate<Actor> told = viewersOf(conv).or(a -> a.isTeamMember() && a.id().equals(teamMemberId));
            List<ModelEvent> events = new ArrayList<>(List.of(
                    new ModelEvent("ParticipantRemoved " + conv + " " + teamMemberId, told)));
            if (teamMemberId.equals(conv.assignee)
                    && model.view(Actor.teamMember(teamMemberId), conv) != Decision.ALLOW) {
                conv.assignee = null;   // who can't see it any more handles it no more
                events.add(new ModelEvent(assignedEvent(conv, null), teamViewersOf(conv)));
            }
            emit(events);
        }
    }

    // --- assignment and team status ------------------------------------------------------------------------------

    void assign(Actor actor, String accountId, String teamMemberId) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        String what = "assign by " + ModelCast.name(actor) + " in " + (conv == null ? accountId : conv) + " to "
                + teamMemberId;
        Outcome expected = Outcome.of(model.assign(actor, conv));
        if (expected == Outcome.OK && teamMemberId != null && (!model.team.containsKey(teamMemberId)
                || model.view(Actor.teamMember(teamMemberId), conv) != Decision.ALLOW)) {
            expected = Outcome.INVALID;   // the assignee must be a team member who can see it
        }
        Outcome.Answer<TeamState> answer = expected.expect(what, expected == Outcome.INVALID ? "assignee" : null,
                () -> messaging.conversations().assign(actor, idOf(conv), teamMemberId));
        if (answer.ok()) {
            teamState(what, answer.value(), teamMemberId, conv.status);
            if (!Objects.equals(conv.assignee, teamMemberId)) {
                conv.assignee = teamMemberId;
                emit(List.of(new ModelEvent(assignedEvent(conv, teamMemberId), teamViewersOf(conv))));
            }
        }
    }

    void setStatus(Actor actor, String accountId, ConversationStatus status) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        String what = "setStatus by " + ModelCast.name(actor) + " in " + (conv == null ? accountId : conv) + " to "
                + status;
        Outcome.Answer<TeamState> answer = Outcome.of(model.assign(actor, conv)).expect(what,
                () -> messaging.conversations().setStatus(actor, idOf(conv), status));
        if (answer.ok()) {
            teamState(what, answer.value(), conv.assignee, status);
            if (conv.status != status) {
                conv.status = status;
                emit(List.of(new ModelEvent(statusEvent(conv, status), teamViewersOf(conv))));
            }
        }
    }

    private static void teamState(String what, TeamState actual, String assignee, ConversationStatus status) {
        check(Objects.equals(actual.assigneeId(), assignee) && actual.status() == status
                        && Objects.equals(actual.assigneeName(), assignee == null ? null
                        : ModelCast.displayName(assignee)),
                () -> what + " answered " + actual + ", not " + assignee + " " + status);
    }

    /** Team-only events: the team members who see the conversation. */
    private Predicate<Actor> teamViewersOf(Conv conv) {
        return actor -> actor.isTeamMember() && model.view(actor, conv) == Decision.ALLOW;
    }

    private static String assignedEvent(Object conversation, String assignee) {
        return "ConversationAssigned " + conversation + " " + assignee;
    }

    private static String statusEvent(Object conversation, ConversationStatus status) {
        return "ConversationStatusChanged " + conversation + " " + status;
    }

    // --- messages ------------------------------------------------------------------------------------------------

    void post(Actor actor, String accountId, String text, String key, boolean withAttachment) {
        post(actor, accountId, text, key, withAttachment, false);
    }

    /** A post, or with {@code note} an internal note's. */
    void post(Actor actor, String accountId, String text, String key, boolean withAttachment, boolean note) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        String what = (note ? "note by " : "post by ") + ModelCast.name(actor) + " in "
                + (conv == null ? accountId : conv);
        List<AttachmentId> attachments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (withAttachment) {
            Outcome uploadOutcome = model.isKnown(actor) ? Outcome.OK : Outcome.DENIED;
            Outcome.Answer<Attachment> upload = uploadOutcome.expect("upload by " + ModelCast.name(actor),
                    () -> messaging.attachments().upload(actor, "note.txt", "text/plain",
                            new ByteArrayInputStream("a note".getBytes(StandardCharsets.UTF_8))));
            if (!upload.ok()) {
                return;
            }
            attachments.add(upload.value().id());
            names.add(upload.value().filename());
        }
        NewMessage message = new NewMessage(text, attachments, key).asNote(note);
        if (text.isBlank() && attachments.isEmpty()) {
            Outcome.INVALID.expect(what, "text", () -> messaging.messages().post(actor, idOf(conv), message));
            return;
        }
        Decision decision = note ? model.postNote(actor, conv) : model.post(actor, conv);
        Msg earlier = key == null || conv == null || note ? null : conv.messages.stream()
                .filter(m -> m.author.equals(actor) && key.equals(m.clientMessageId)).findFirst().orElse(null);
        if (earlier != null) {
            retried(what + " again with key " + key, actor, conv, earlier, text, decision);
            return;
        }
        Outcome.Answer<Message> answer = Outcome.of(decision).expect(what,
                () -> messaging.messages().post(actor, idOf(conv), message));
        if (!answer.ok()) {
            return;
        }
        Message posted = answer.value();
        Msg msg = newMessage(posted, conv, actor, text, key, null, false, names, note);
        checks.message(what, posted, msg, actor);
        conv.horizons.put(actor, msg.seqFor(actor));   // posting reads everything up to one's own message
        List<ModelEvent> events = new ArrayList<>(List.of(messageEvent("MessagePosted", msg)));
        if (!actor.isTeamMember() && conv.status != ConversationStatus.OPEN) {
            conv.status = ConversationStatus.OPEN;   // a client's new message reopens it
            events.add(new ModelEvent(statusEvent(conv, conv.status), teamViewersOf(conv)));
        }
        emit(events);
    }

    /** Posts the text of an earlier keyed message again, with its key, as its author. */
    void retry(int index, boolean sameText, String otherText) {
        List<Msg> keyed = model.messages.stream().filter(m -> m.clientMessageId != null).toList();
        if (keyed.isEmpty()) {
            begin(null, null);
            return;
        }
        Msg earlier = keyed.get(keyed.size() - 1 - index % keyed.size());
        String text = sameText || otherText.equals(earlier.postedText) ? earlier.postedText : otherText;
        begin(earlier.author, earlier.conv);
        retried("retry of " + earlier + " by " + ModelCast.name(earlier.author) + " with key "
                        + earlier.clientMessageId + (text.equals(earlier.postedText) ? " and the same text"
                        : " but another text"),
                earlier.author, earlier.conv, earlier, text, model.post(earlier.author, earlier.conv));
    }

    /**
     * A post with a key the author already used in the conversation: the same text answers the stored message;
     * another text is a conflict. (Once the stored message was edited or deleted, either answer is fair.)
     */
    private void retried(String what, Actor actor, Conv conv, Msg earlier, String text, Decision decision) {
        NewMessage again = NewMessage.text(text).withClientMessageId(earlier.clientMessageId);
        if (text.isBlank()) {
            Outcome.INVALID.expect(what, "text", () -> messaging.messages().post(actor, conv.id, again));
            return;
        }
        if (decision != Decision.ALLOW) {
            Outcome.of(decision).expect(what, () -> messaging.messages().post(actor, conv.id, again));
            return;
        }
        Set<Outcome> allowed = earlier.edited() || earlier.deleted ? EnumSet.of(Outcome.OK, Outcome.CONFLICT)
                : EnumSet.of(text.equals(earlier.postedText) ? Outcome.OK : Outcome.CONFLICT);
        Outcome.Answer<Message> answer = Outcome.expectOneOf(what, allowed, null,
                () -> messaging.messages().post(actor, conv.id, again));
        if (answer.ok()) {
            checks.message(what + " (the stored message)", answer.value(), earlier, actor);
        }
    }

    private Msg newMessage(Message posted, Conv conv, Actor author, String text, String key,
                           AnnouncementId announcement, boolean highlighted, List<String> attachmentNames) {
        return newMessage(posted, conv, author, text, key, announcement, highlighted, attachmentNames, false);
    }

    /**
     * The model's message for one the library posted, {@code posted} as the author was given it (a client author
     * its client seq).
     */
    private Msg newMessage(Message posted, Conv conv, Actor author, String text, String key,
                           AnnouncementId announcement, boolean highlighted, List<String> attachmentNames,
                           boolean note) {
        long clientSeq = conv.clientMessages().size() + (note ? 0 : 1);
        long given = author.isTeamMember() || announcement != null ? conv.lastSeq() + 1 : clientSeq;
        check(posted.seq() == given, () -> "seq " + posted.seq() + " where " + given + " was next in " + conv
                + " as " + ModelCast.name(author) + " sees it");
        check(posted.internal() == note, () -> "a " + (note ? "note" : "message") + " came back with internal "
                + posted.internal());
        Instant previous = conv.messages.isEmpty() ? conv.createdAt
                : conv.messages.get(conv.messages.size() - 1).createdAt;
        check(!posted.createdAt().isBefore(previous), () -> conv + "#" + posted.seq() + " was created at "
                + posted.createdAt() + ", before " + previous + " (createdAt must not decrease with seq)");
        check(!messagesById.containsKey(posted.id().value()), () -> "message id " + posted.id() + " handed out twice");
        Msg msg = new Msg(model.messages.size() + 1, posted.id(), conv, conv.lastSeq() + 1, author,
                model.displayName(author), text, key, announcement, highlighted, posted.createdAt(), model.minute,
                attachmentNames);
        msg.internal = note;
        msg.clientSeq = clientSeq;
        model.messages.add(msg);
        messagesById.put(msg.id.value(), msg);
        conv.messages.add(msg);
        conv.lastMessageAt = msg.createdAt;
        touched.add(conv);
        return msg;
    }

    /** The {@code newest}-th newest message (0: the newest), wrapping around; none before the first post. */
    private Msg pick(int newest) {
        int size = model.messages.size();
        return size == 0 ? null : model.messages.get(size - 1 - newest % size);
    }

    /** The actor an action names, or else the message's author (or anyone, when there is no message). */
    private static Actor actorOr(Actor actor, Msg msg) {
        return actor != null ? actor : msg != null ? msg.author : Actor.teamMember("owner");
    }

    /**
     * An edit's or delete's target: the picked message (null when there is none yet), who acts, the id to send (a
     * random one for a message that never existed) and how the step reads in a failure.
     */
    private record MessageStep(Msg msg, Actor actor, MessageId id, String what) {
    }

    private MessageStep messageStep(String verb, Actor named, int index) {
        Msg msg = pick(index);
        Actor actor = actorOr(named, msg);
        begin(actor, msg == null ? null : msg.conv);
        if (msg != null) {
            touchedMessages.add(msg);
        }
        MessageId id = msg == null ? new MessageId(UUID.randomUUID()) : msg.id;
        String what = verb + " of " + (msg == null ? "a message that never existed" : msg) + " by "
                + ModelCast.name(actor);
        return new MessageStep(msg, actor, id, what);
    }

    void edit(Actor named, int index, String text) {
        MessageStep step = messageStep("edit", named, index);
        Msg msg = step.msg();
        Actor actor = step.actor();
        MessageId id = step.id();
        String what = step.what();
        if (text.isBlank()) {
            Outcome.INVALID.expect(what, "text", () -> messaging.messages().edit(actor, id, text));
            return;
        }
        Outcome expected = msg == null ? Outcome.NOT_FOUND : Outcome.of(model.edit(actor, msg));
        if (expected == Outcome.OK && (msg.deleted || msg.announcementId != null)) {
            expected = Outcome.CONFLICT;   // a tombstone stays one; an announcement is the same everywhere
        }
        Outcome.Answer<Message> answer = expected.expect(what, () -> messaging.messages().edit(actor, id, text));
        if (!answer.ok()) {
            return;
        }
        if (!text.equals(msg.text)) {
            check(answer.value().editedAt() != null, () -> what + ": an edit must stamp editedAt");
            msg.text = text;
            msg.texts.add(text);
            msg.editedAt = answer.value().editedAt();
            emit(List.of(messageEvent("MessageEdited", msg)));
        }
        checks.message(what, answer.value(), msg, actor);
    }

    void delete(Actor named, int index) {
        MessageStep step = messageStep("delete", named, index);
        Msg msg = step.msg();
        Actor actor = step.actor();
        MessageId id = step.id();
        String what = step.what();
        Outcome expected = msg == null ? Outcome.NOT_FOUND : Outcome.of(model.delete(actor, msg));
        if (expected.expectRun(what, () -> messaging.messages().delete(actor, id)).ok() && !msg.deleted) {
            msg.deleted = true;
            emit(List.of(messageEvent("MessageDeleted", msg)));
        }
    }

    void markRead(Actor actor, String accountId, ReadTarget target) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        long lastSeq = conv == null ? 0 : conv.lastSeqFor(actor);   // a client reads in client seqs
        long seq = switch (target) {
            case LATEST -> lastSeq;
            case PREVIOUS -> Math.max(0, lastSeq - 1);
            case BEYOND -> lastSeq + 3;
            case NEGATIVE -> -1;
        };
        String what = "markRead(" + seq + ") by " + ModelCast.name(actor) + " in " + (conv == null ? accountId : conv);
        if (seq < 0) {
            Outcome.INVALID.expectRun(what, () -> messaging.messages().markRead(actor, idOf(conv), seq));
            return;
        }
        Outcome expected = Outcome.of(model.view(actor, conv));
        if (expected.expectRun(what, () -> messaging.messages().markRead(actor, idOf(conv), seq)).ok()) {
            long horizon = Math.min(seq, lastSeq);   // a horizon only moves forward, and never past the end
            if (horizon > conv.horizon(actor)) {
                conv.horizons.put(actor, horizon);
            }
        }
    }

    /** Which seq a markRead names. */
    enum ReadTarget { LATEST, PREVIOUS, BEYOND, NEGATIVE }

    void advanceClock(int minutes) {
        begin(null, null);
        clock.advanceMinutes(minutes);
        model.minute += minutes;
    }

    // --- announcements -------------------------------------------------------------------------------------------

    void announce(Actor actor, List<String> accountIds, String text, boolean highlighted) {
        begin(actor, null);
        boolean all = accountIds.isEmpty();
        NewAnnouncement announcement = all ? NewAnnouncement.toAllClients(text)
                : NewAnnouncement.toClients(accountIds, text);
        NewAnnouncement sent = highlighted ? announcement.highlighted() : announcement;
        String what = "announcement by " + ModelCast.name(actor) + " to " + (all ? "all clients" : accountIds);
        if (text.isBlank()) {
            Outcome.INVALID.expect(what, "text", () -> messaging.announcements().send(actor, sent));
            return;
        }
        if (!model.isManager(actor)) {
            // The table says "denied"; for an actor the directory does not know it says nothing: either will do.
            Set<Outcome> allowed = model.isKnown(actor) ? EnumSet.of(Outcome.DENIED)
                    : EnumSet.of(Outcome.DENIED, Outcome.NOT_FOUND);
            Outcome.expectOneOf(what, allowed, null, () -> messaging.announcements().send(actor, sent));
            return;
        }
        if (!all && !model.accounts.keySet().containsAll(accountIds)) {
            Outcome.NOT_FOUND.expect(what, () -> messaging.announcements().send(actor, sent));
            return;
        }
        List<Conv> targets = all ? List.copyOf(model.liveConversations.values())
                : accountIds.stream().distinct().map(model::conversationOf).toList();
        settle();
        Announcement accepted = Outcome.OK.expect(what, () -> messaging.announcements().send(actor, sent)).value();
        check(accepted.targetCount() == targets.size() && accepted.text().equals(text)
                && accepted.highlighted() == highlighted, () -> what + " answered " + accepted);
        await(what + " is delivered").atMost(BACKGROUND).pollInSameThread().pollInterval(Duration.ofMillis(2))
                .until(() -> messaging.announcements().get(ModelCast.SENTINEL, accepted.id()).status()
                        == Announcement.Status.DELIVERED);
        Ann ann = new Ann(model.announcements.size() + 1, accepted.id(), actor, text, highlighted, targets.size());
        model.announcements.add(ann);
        announcementsById.put(ann.id.value(), ann);
        List<ModelEvent> posted = new ArrayList<>();
        for (Conv conv : targets) {
            List<Message> copies = messaging.messages().history(ModelCast.SENTINEL, conv.id,
                    HistoryQuery.after(conv.lastSeq(), 10)).items();
            check(copies.size() == 1 && accepted.id().equals(copies.get(0).announcementId()), () -> what
                    + " should have added exactly its message to " + conv + ", but it added " + copies);
            Msg copy = newMessage(copies.get(0), conv, actor, text, null, ann.id, highlighted, List.of());
            checks.message(what + " in " + conv, copies.get(0), copy);
            ann.copies.add(copy);
            posted.add(messageEvent("MessagePosted", copy));
        }
        emit(posted);
        emit(List.of(new ModelEvent("AnnouncementDelivered " + ann + " delivered=" + targets.size(),
                a -> model.isManager(a) || (model.isKnown(a) && a.equals(ann.author)))));
        checks.announcement(what, actor, ann, false);
    }

    void announcementStats(Actor actor, int index) {
        begin(actor, null);
        if (model.announcements.isEmpty()) {
            AnnouncementId unknown = new AnnouncementId(UUID.randomUUID());
            Outcome.NOT_FOUND.expect("announcement that never existed",
                    () -> messaging.announcements().get(actor, unknown));
            return;
        }
        Ann ann = model.announcements.get(index % model.announcements.size());
        checks.announcement("stats of " + ann + " as " + ModelCast.name(actor), actor, ann, true);
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    void look(Actor actor, String accountId, Look what, int index) {
        Conv conv = model.namedConversation(accountId).orElse(null);
        begin(actor, conv);
        checks.look(actor, accountId, conv, idOf(conv), what, pick(index));
    }

    /** The reads an action can make. */
    enum Look { HISTORY, HISTORY_PAGES, CONVERSATION, CONVERSATION_OF, PARTICIPANTS, INBOX, INBOX_PAGES, UNREAD,
        MESSAGE }

    /** Replays the sentinel's feed from the run's start and compares it with what it got live. */
    void replay() {
        begin(ModelCast.SENTINEL, null);
        settle();
        checks.replay();
    }

    // --- events as the model and the library describe them ---------------------------------------------------

    String label(Msg msg) {
        return "m" + msg.number + "#" + msg.seq;
    }

    /** The message as the actor's feed names it: by the seq the actor is given. */
    String label(Msg msg, Actor actor) {
        return "m" + msg.number + "#" + msg.seqFor(actor);
    }

    private static String participantEvent(String type, Object conversation, String teamMemberId, Access access) {
        return type + " " + conversation + " " + teamMemberId + " " + access;
    }

    Conv conversation(ConversationId id) {
        return id == null ? null : conversationsById.get(id.value());
    }

    Msg message(MessageId id) {
        return messagesById.get(id.value());
    }

    Ann announcement(AnnouncementId id) {
        return announcementsById.get(id.value());
    }

    private String conversationLabel(ConversationId id) {
        Conv conv = conversation(id);
        return conv != null ? conv.label : id == null ? "-" : "?" + id;
    }

    private String messageLabel(MessageId id, long seq) {
        Msg msg = message(id);
        return (msg == null ? "m?" + id : "m" + msg.number) + "#" + seq;
    }

    /** How a received event reads, in the model's words; also checks the text it carries may be shown. */
    String describe(MessagingEvent event) {
        String where = conversationLabel(event.conversationId());
        if (event instanceof MessagePosted posted) {
            checks.liveText(posted.message());
            return "MessagePosted " + where + " " + messageLabel(posted.message().id(), posted.message().seq());
        }
        if (event instanceof MessageEdited edited) {
            checks.liveText(edited.message());
            return "MessageEdited " + where + " " + messageLabel(edited.message().id(), edited.message().seq());
        }
        if (event instanceof MessageDeleted deleted) {
            return "MessageDeleted " + where + " " + messageLabel(deleted.messageId(), deleted.seq());
        }
        if (event instanceof ParticipantAdded added) {
            return participantEvent("ParticipantAdded", where, added.participant().teamMemberId(),
                    added.participant().access());
        }
        if (event instanceof ParticipantAccessChanged changed) {
            return participantEvent("ParticipantAccessChanged", where, changed.participant().teamMemberId(),
                    changed.participant().access());
        }
        if (event instanceof ParticipantRemoved removed) {
            return "ParticipantRemoved " + where + " " + removed.teamMemberId();
        }
        if (event instanceof ConversationCreated) {
            return "ConversationCreated " + where;
        }
        if (event instanceof ConversationAssigned assigned) {
            return assignedEvent(where, assigned.assigneeId());
        }
        if (event instanceof ConversationStatusChanged changed) {
            return statusEvent(where, changed.status());
        }
        if (event instanceof ConversationDeleted deleted) {
            return "ConversationDeleted " + where + " team=" + deleted.teamMemberIds().stream().sorted().toList()
                    + " users=" + deleted.clientUserIds().stream().sorted().toList();
        }
        if (event instanceof AnnouncementDelivered delivered) {
            Ann ann = announcement(delivered.announcementId());
            return "AnnouncementDelivered " + (ann == null ? "a?" + delivered.announcementId() : ann)
                    + " delivered=" + delivered.deliveredCount();
        }
        if (event instanceof TeamMemberChanged changed) {
            return "TeamMemberChanged " + changed.teamMember().id();
        }
        return event.type() + " " + where;
    }

    /** Fails with the message (only made when it fails) unless the condition holds. */
    static void check(boolean condition, Supplier<String> failure) {
        if (!condition) {
            throw new AssertionError(failure.get());
        }
    }

    /** The checks after every step. */
    void afterStep() {
        checks.afterStep();
    }

    /** The checks at the end: everything, and every subscriber got all it should and nothing more arrives. */
    void finish() {
        checks.everything();
        feeds.awaitAllAndQuiet();
    }

    /** Ends the run's subscriptions (the engine outlives the run). */
    @Override
    public void close() {
        feeds.close();
    }

    @Override
    public String toString() {
        return "model run after " + steps + " steps";
    }
}

package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationSummary;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.testkit.ReferenceModel.Ann;
import io.clientportal.messaging.testkit.ReferenceModel.Conv;
import io.clientportal.messaging.testkit.ReferenceModel.Msg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.clientportal.messaging.testkit.ModelRun.check;
import static org.awaitility.Awaitility.await;

/** Compares what the library answers with what the {@link ReferenceModel} holds. */
final class ModelChecks {

    /** The page size of whole reads (the library's largest). */
    private static final int PAGE = 200;
    /** A small page, so that keyset paging is exercised. */
    private static final int SMALL_PAGE = 3;
    /** Every this many steps, everything is compared, not just what the step touched. */
    private static final int FULL_CHECK_EVERY = 50;
    /** After each step, this many of the newest messages of each conversation it touched are compared. */
    private static final int RECENT = 20;

    private final ModelRun run;
    private final ReferenceModel model;
    private final Messaging messaging;

    ModelChecks(ModelRun run) {
        this.run = run;
        this.model = run.model;
        this.messaging = run.messaging;
    }

    // --- after every step ----------------------------------------------------------------------------------

    /**
     * What holds after every step: the events so far are what each subscriber may see; the newest history of the
     * conversations the step touched and the messages it changed; the unread total and inbox of the step's actor,
     * the unread total of one more actor in turn. Every {@value #FULL_CHECK_EVERY} steps, and at the end,
     * everything.
     */
    void afterStep() {
        run.feeds.checkArrived();
        for (Conv conv : run.touched()) {
            recentHistory(conv);
        }
        for (Msg msg : run.touchedMessages()) {
            if (!msg.conv.deleted) {
                message("the message the step changed", messaging.messages().get(ModelCast.SENTINEL, msg.id), msg);
            }
        }
        for (Actor actor : run.actorsOfStep()) {
            unreadTotal(actor);
            inbox(actor, false);
        }
        unreadTotal(ModelCast.ACTORS.get(run.steps() % ModelCast.ACTORS.size()));
        if (run.steps() % FULL_CHECK_EVERY == 0) {
            everything();
        }
    }

    /** Everything readable, as everyone. */
    void everything() {
        for (Conv conv : model.conversations) {
            history(ModelCast.SENTINEL, conv, conv.id);
            if (!conv.deleted) {
                participants(ModelCast.SENTINEL, conv, conv.id);
            }
        }
        for (Actor actor : ModelCast.ACTORS) {
            unreadTotal(actor);
            inbox(actor, true);
        }
        // Paging gives the same list whoever reads; a few readers in turn keep the cost down.
        for (int i = 0; i < 3; i++) {
            inboxPages(ModelCast.ACTORS.get((run.steps() / FULL_CHECK_EVERY * 3 + i) % ModelCast.ACTORS.size()));
        }
        for (Ann ann : model.announcements) {
            announcement("announcement " + ann, ModelCast.SENTINEL, ann, true);
        }
    }

    // --- single reads --------------------------------------------------------------------------------------

    void look(Actor actor, String accountId, Conv conv, ConversationId id, ModelRun.Look what, Msg msg) {
        switch (what) {
            case HISTORY -> history(actor, conv, id);
            case HISTORY_PAGES -> historyPages(actor, conv, id);
            case CONVERSATION -> {
                String call = "get of " + describe(conv, accountId) + " as " + ModelCast.name(actor);
                var answer = Outcome.of(model.view(actor, conv)).expect(call,
                        () -> messaging.conversations().get(actor, id));
                if (answer.ok()) {
                    conversation(call, answer.value(), conv, actor);
                    teamState(call, actor, answer.value(), conv);
                }
            }
            case CONVERSATION_OF -> {
                Conv live = model.conversationOf(accountId);
                String call = "conversationOf(" + accountId + ") as " + ModelCast.name(actor);
                var answer = Outcome.of(model.view(actor, live)).expect(call,
                        () -> messaging.conversations().conversationOf(actor, accountId));
                if (answer.ok()) {
                    conversation(call, answer.value(), live, actor);
                    teamState(call, actor, answer.value(), live);
                }
            }
            case PARTICIPANTS -> participants(actor, conv, id);
            case INBOX -> inbox(actor, true);
            case INBOX_PAGES -> inboxPages(actor);
            case UNREAD -> unreadTotal(actor);
            case MESSAGE -> {
                MessageId messageId = msg == null ? new MessageId(UUID.randomUUID()) : msg.id;
                String call = "get of " + (msg == null ? "a message that never existed" : msg) + " as "
                        + ModelCast.name(actor);
                // A note answers a client as a message that does not exist.
                var answer = (msg == null || !ReferenceModel.seesMessage(actor, msg) ? Outcome.NOT_FOUND
                        : Outcome.of(model.view(actor, msg.conv)))
                        .expect(call, () -> messaging.messages().get(actor, messageId));
                if (answer.ok()) {
                    message(call, answer.value(), msg, actor);
                }
            }
        }
    }

    private static String describe(Conv conv, String accountId) {
        return conv == null ? accountId + " (never created)" : conv.deleted ? conv + " (deleted)" : conv.toString();
    }

    /** The newest messages of a conversation as the sentinel sees them (none once it is deleted). */
    private void recentHistory(Conv conv) {
        String call = "latest history of " + describe(conv, "?");
        var answer = Outcome.of(model.view(ModelCast.SENTINEL, conv)).expect(call,
                () -> messaging.messages().history(ModelCast.SENTINEL, conv.id, HistoryQuery.latest(RECENT)));
        if (answer.ok()) {
            messages(call, answer.value().items(),
                    conv.messages.subList(Math.max(0, conv.messages.size() - RECENT), conv.messages.size()),
                    ModelCast.SENTINEL);
        }
    }

    /** The whole history, read backwards in the largest pages, ascending by seq, tombstones in place. */
    void history(Actor actor, Conv conv, ConversationId id) {
        String call = "history of " + describe(conv, "?") + " as " + ModelCast.name(actor);
        var answer = Outcome.of(model.view(actor, conv)).expect(call,
                () -> messaging.messages().history(actor, id, HistoryQuery.latest(PAGE)));
        if (!answer.ok()) {
            return;
        }
        List<Message> all = new ArrayList<>(answer.value().items());
        while (!all.isEmpty() && all.get(0).seq() > 1 && answer.value().items().size() == PAGE) {
            long before = all.get(0).seq();
            answer = Outcome.OK.expect(call, () -> messaging.messages().history(actor, id,
                    HistoryQuery.before(before, PAGE)));
            all.addAll(0, answer.value().items());
        }
        messages(call, all, conv.messagesFor(actor), actor);
    }

    /** Small pages backwards from the end and forwards from the start: each the right slice, in seq order. */
    private void historyPages(Actor actor, Conv conv, ConversationId id) {
        String call = "history pages of " + describe(conv, "?") + " as " + ModelCast.name(actor);
        var answer = Outcome.of(model.view(actor, conv)).expect(call,
                () -> messaging.messages().history(actor, id, HistoryQuery.latest(SMALL_PAGE)));
        if (!answer.ok()) {
            return;
        }
        List<Msg> expected = conv.messagesFor(actor);
        List<Message> backwards = new ArrayList<>();
        Page<Message> page = answer.value();
        while (true) {
            lastPageHasNoCursor(call, page);
            backwards.addAll(0, page.items());
            if (page.items().size() < SMALL_PAGE || page.items().get(0).seq() == 1) {
                break;
            }
            long before = page.items().get(0).seq();
            page = messaging.messages().history(actor, id, HistoryQuery.before(before, SMALL_PAGE));
        }
        messages(call + " (backwards)", backwards, expected, actor);
        List<Message> forwards = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            page = messaging.messages().history(actor, id, HistoryQuery.after(from, SMALL_PAGE));
            lastPageHasNoCursor(call, page);
            forwards.addAll(page.items());
            if (page.items().size() < SMALL_PAGE) {
                break;
            }
            after = page.items().get(page.items().size() - 1).seq();
        }
        messages(call + " (forwards)", forwards, expected, actor);
    }

    private static void lastPageHasNoCursor(String call, Page<?> page) {
        check(page.items().size() == SMALL_PAGE || page.nextCursor() == null,
                () -> call + ": a page that is not full is the last one, yet it has the cursor " + page.nextCursor());
    }

    /**
     * A list of messages as {@code viewer} is given them: a client only those that are not internal, numbered by
     * client seq (gap-free), the team all of them by seq.
     */
    private void messages(String call, List<Message> actual, List<Msg> expected, Actor viewer) {
        List<String> got = actual.stream().map(m -> m.seq() + ":" + label(m.id())).toList();
        List<String> want = expected.stream().map(m -> m.seqFor(viewer) + ":m" + m.number).toList();
        check(got.equals(want), () -> call + " listed " + got + " where the model has " + want);
        for (int i = 0; i < actual.size(); i++) {
            message(call, actual.get(i), expected.get(i), viewer);
        }
    }

    private String label(MessageId id) {
        Msg msg = run.message(id);
        return msg == null ? "m?" + id : "m" + msg.number;
    }

    /** A message as the team knows it. */
    void message(String call, Message actual, Msg expected) {
        message(call, actual, expected, ModelCast.SENTINEL);
    }

    /**
     * A message as the model knows it, as {@code viewer} is given it (a client: never a note, its client seq): a
     * tombstone keeps its seq and author, and has no text or attachments.
     */
    void message(String call, Message actual, Msg expected, Actor viewer) {
        Supplier<String> it = () -> call + ": " + expected;
        check(ReferenceModel.seesMessage(viewer, expected), () -> it.get() + " is a note, yet "
                + ModelCast.name(viewer) + " was given it");
        check(actual.id().equals(expected.id) && actual.conversationId().equals(expected.conv.id)
                && actual.seq() == expected.seqFor(viewer) && actual.internal() == expected.internal,
                () -> it.get() + " came back as " + actual + " to " + ModelCast.name(viewer));
        check(actual.author().equals(expected.author) && Objects.equals(actual.authorName(), expected.authorName),
                () -> it.get() + " has author " + actual.author() + " '" + actual.authorName() + "', not "
                        + expected.author + " '" + expected.authorName + "'");
        check(actual.createdAt().equals(expected.createdAt),
                () -> it.get() + " has createdAt " + actual.createdAt() + ", not " + expected.createdAt);
        check(actual.highlighted() == expected.highlighted
                        && Objects.equals(actual.announcementId(), expected.announcementId)
                        && Objects.equals(actual.clientMessageId(), expected.clientMessageId),
                () -> it.get() + " has highlighted/announcement/clientMessageId " + actual.highlighted() + "/"
                        + actual.announcementId() + "/" + actual.clientMessageId());
        check(actual.deleted() == expected.deleted,
                () -> it.get() + (expected.deleted ? " was deleted but is not marked so" : " is marked deleted"));
        if (expected.deleted) {
            check(actual.text() == null || actual.text().isEmpty(),
                    () -> it.get() + " was deleted, yet shows the text '" + actual.text() + "'");
            check(actual.attachments().isEmpty(), () -> it.get() + " was deleted, yet shows attachments");
            return;
        }
        check(expected.text.equals(actual.text()),
                () -> it.get() + " has the text '" + actual.text() + "', not '" + expected.text + "'");
        check(Objects.equals(actual.editedAt(), expected.editedAt),
                () -> it.get() + " has editedAt " + actual.editedAt() + ", not " + expected.editedAt);
        check(actual.attachments().stream().map(Attachment::filename).toList().equals(expected.attachmentNames),
                () -> it.get() + " has the attachments " + actual.attachments() + ", not " + expected.attachmentNames);
    }

    /** A conversation as {@code viewer} is given it: a client's last seq and time are of what it sees. */
    void conversation(String call, Conversation actual, Conv expected, Actor viewer) {
        check(actual.id().equals(expected.id) && actual.clientAccountId().equals(expected.accountId)
                        && actual.clientName().equals(expected.name) && actual.lastSeq() == expected.lastSeqFor(viewer)
                        && actual.createdAt().equals(expected.createdAt)
                        && Objects.equals(actual.lastMessageAt(), expected.lastMessageAtFor(viewer)),
                () -> call + ": " + expected + " came back as " + actual + " to " + ModelCast.name(viewer)
                        + "; the model has lastSeq " + expected.lastSeqFor(viewer) + ", lastMessageAt "
                        + expected.lastMessageAtFor(viewer));
    }

    /** The team state as the actor is shown it: the model's for a team member, none at all for a client. */
    private void teamState(String call, Actor actor, Conversation actual, Conv expected) {
        if (!actor.isTeamMember()) {
            check(actual.team() == null, () -> call + ": a client user is shown the team state " + actual.team());
            return;
        }
        String name = expected.assignee == null ? null : ModelCast.displayName(expected.assignee);
        check(actual.team() != null && Objects.equals(actual.team().assigneeId(), expected.assignee)
                        && Objects.equals(actual.team().assigneeName(), name)
                        && actual.team().status() == expected.status,
                () -> call + ": " + expected + " has the team state " + actual.team() + ", not " + expected.assignee
                        + " " + expected.status);
    }

    void participants(Actor actor, Conv conv, ConversationId id) {
        String call = "participants of " + describe(conv, "?") + " as " + ModelCast.name(actor);
        var answer = Outcome.of(model.view(actor, conv)).expect(call,
                () -> messaging.conversations().participants(actor, id));
        if (!answer.ok()) {
            return;
        }
        Set<Participant> expected = conv.participants.entrySet().stream().map(e -> new Participant(e.getKey(),
                ModelCast.displayName(e.getKey()), model.team.get(e.getKey()),
                model.effectiveParticipantAccess(e.getKey(), e.getValue()))).collect(Collectors.toSet());
        check(answer.value().size() == expected.size() && new HashSet<>(answer.value()).equals(expected),
                () -> call + " listed " + answer.value() + " where the model has " + expected);
    }

    void unreadTotal(Actor actor) {
        String call = "unreadTotal of " + ModelCast.name(actor);
        var answer = (model.isKnown(actor) ? Outcome.OK : Outcome.NOT_FOUND).expect(call,
                () -> messaging.messages().unreadTotal(actor));
        if (answer.ok()) {
            long expected = model.unreadTotal(actor);
            check(answer.value() == expected, () -> call + " is " + answer.value() + ", the model counts " + expected
                    + " " + unreadByConversation(actor));
        }
    }

    private Map<String, Long> unreadByConversation(Actor actor) {
        return model.inbox(actor).stream().collect(Collectors.toMap(c -> c.label, c -> c.unread(actor)));
    }

    /** The whole inbox in one page, then (if asked) only its unread part. */
    void inbox(Actor actor, boolean unreadToo) {
        String call = "inbox of " + ModelCast.name(actor);
        var answer = (model.isKnown(actor) ? Outcome.OK : Outcome.NOT_FOUND).expect(call,
                () -> messaging.conversations().inbox(actor, InboxQuery.first(PAGE)));
        if (!answer.ok()) {
            return;
        }
        List<Conv> expected = model.inbox(actor);
        summaries(call, actor, answer.value().items(), expected);
        check(answer.value().nextCursor() == null, () -> call + ": one page holds it all, yet it has a cursor");
        if (!unreadToo) {
            return;
        }
        Page<ConversationSummary> unread = messaging.conversations().inbox(actor, InboxQuery.first(PAGE).unreadOnly());
        summaries(call + " (unread only)", actor, unread.items(),
                expected.stream().filter(c -> c.unread(actor) > 0).toList());
    }

    /** The inbox two conversations at a time, following the cursor: the same list, nothing twice. */
    void inboxPages(Actor actor) {
        if (!model.isKnown(actor)) {
            return;
        }
        String call = "inbox pages of " + ModelCast.name(actor);
        List<ConversationSummary> all = new ArrayList<>();
        InboxQuery query = InboxQuery.first(2);
        for (int pages = 0; pages < 50; pages++) {
            Page<ConversationSummary> page = messaging.conversations().inbox(actor, query);
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                break;
            }
            query = InboxQuery.first(2).after(page.nextCursor());
        }
        summaries(call, actor, all, model.inbox(actor));
    }

    private void summaries(String call, Actor actor, List<ConversationSummary> actual, List<Conv> expected) {
        Function<ConversationSummary, String> got = s -> {
            Conv conv = run.conversation(s.conversation().id());
            Message last = s.lastMessage();
            return (conv == null ? "?" + s.conversation().id() : conv.label) + " last="
                    + (last == null ? "-" : label(last.id()) + (last.deleted() ? " (deleted)" : ""))
                    + " unread=" + s.unreadCount() + " " + s.access();
        };
        Function<Conv, String> want = c -> {
            List<Msg> seen = c.messagesFor(actor);
            Msg last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
            return c.label + " last=" + (last == null ? "-" : "m" + last.number + (last.deleted ? " (deleted)" : ""))
                    + " unread=" + c.unread(actor) + " " + model.effectiveAccess(actor, c);
        };
        List<String> gotList = actual.stream().map(got).toList();
        List<String> wantList = expected.stream().map(want).toList();
        check(gotList.equals(wantList), () -> call + " is " + gotList + " where the model has " + wantList);
        for (int i = 0; i < actual.size(); i++) {
            Conv conv = expected.get(i);
            conversation(call, actual.get(i).conversation(), conv, actor);
            teamState(call, actor, actual.get(i).conversation(), conv);
            List<Msg> seen = conv.messagesFor(actor);
            if (!seen.isEmpty()) {
                message(call + " (last message)", actual.get(i).lastMessage(), seen.get(seen.size() - 1), actor);
            }
        }
    }

    /**
     * An announcement as its author or staff sees it (nobody else is told it exists): delivered to every target,
     * read by as many targets as have a client horizon past it, a reply included.
     */
    void announcement(String call, Actor actor, Ann ann, boolean readCountMayLag) {
        boolean visible = actor.equals(ann.author) || model.isManager(actor);
        var answer = (visible ? Outcome.OK : Outcome.NOT_FOUND).expect(call,
                () -> messaging.announcements().get(actor, ann.id));
        if (!answer.ok()) {
            return;
        }
        Announcement got = answer.value();
        check(got.id().equals(ann.id) && got.text().equals(ann.text) && got.highlighted() == ann.highlighted
                        && got.status() == Announcement.Status.DELIVERED && got.targetCount() == ann.targetCount
                        && got.deliveredCount() == ann.targetCount,
                () -> call + " is " + got + "; the model has it delivered to all " + ann.targetCount + " targets");
        int expected = ann.readCount();
        if (got.readCount() == expected) {
            return;
        }
        check(readCountMayLag, () -> call + " has readCount " + got.readCount() + ", the model counts " + expected);
        await(call + ": readCount should be " + expected + " (targets whose client read it or replied)")
                .atMost(ModelRun.READ_COUNT_FRESH).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> messaging.announcements().get(actor, ann.id).readCount() == expected);
    }

    // --- events --------------------------------------------------------------------------------------------

    /**
     * The text a live event carries: one the message had (a late delivery may already show a later one), or
     * none once it is deleted.
     */
    void liveText(Message carried) {
        Msg msg = run.message(carried.id());
        if (msg == null) {
            return;
        }
        boolean shown = msg.texts.contains(carried.text());
        boolean redacted = msg.deleted && (carried.text() == null || carried.text().isEmpty());
        check(shown || redacted, () -> "an event carried the text '" + carried.text() + "' for " + msg
                + ", which never had it");
    }

    /**
     * The sentinel resumes from the run's first event: it gets again what it got live, in order (but for the
     * events of deleted conversations, which a replay may leave out), and a deleted message's text is nowhere in
     * it; an edited message shows its current text or says it was edited.
     */
    void replay() {
        List<MessagingEvent> replayed = new ArrayList<>();
        Subscription subscription = messaging.events().subscribe(ModelCast.SENTINEL, run.sentinelStart, event -> {
            synchronized (replayed) {
                replayed.add(event);
            }
        });
        try {
            List<String> live = kept(run.feeds.of(ModelCast.SENTINEL).received());
            await("the replay of the sentinel's feed").atMost(ModelFeeds.DELIVERY).pollInSameThread()
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> {
                        synchronized (replayed) {
                            return kept(replayed).size() >= live.size();
                        }
                    });
            List<MessagingEvent> got;
            synchronized (replayed) {
                got = List.copyOf(replayed);
            }
            check(kept(got).equals(live), () -> "a replay from the start gave " + kept(got) + "\n  where live it was "
                    + live);
            got.forEach(this::replayedText);
        } finally {
            subscription.close();
        }
    }

    private List<String> kept(List<MessagingEvent> events) {
        return events.stream().filter(this::keptInReplay).map(run::describe).toList();
    }

    private boolean keptInReplay(MessagingEvent event) {
        if (event instanceof ConversationRead) {
            return false;
        }
        if (event.conversationId() == null || event instanceof ConversationDeleted) {
            return true;
        }
        Conv conv = run.conversation(event.conversationId());
        return conv != null && !conv.deleted;
    }

    private void replayedText(MessagingEvent event) {
        Message carried = event instanceof MessagePosted posted ? posted.message()
                : event instanceof MessageEdited edited ? edited.message() : null;
        Msg msg = carried == null ? null : run.message(carried.id());
        if (msg == null) {
            return;
        }
        if (msg.deleted) {
            check(carried.text() == null || carried.text().isEmpty() || !msg.texts.contains(carried.text()),
                    () -> "a replayed " + event.type() + " of the deleted " + msg + " still carries its text '"
                            + carried.text() + "'");
        } else if (event instanceof MessagePosted && msg.edited()) {
            check(msg.text.equals(carried.text()) || carried.editedAt() != null, () -> "a replayed MessagePosted of the"
                    + " edited " + msg + " shows the old text '" + carried.text() + "' and does not say it was"
                    + " edited");
        }
    }
}

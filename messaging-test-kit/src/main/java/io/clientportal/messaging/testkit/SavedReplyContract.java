package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.SavedReplies;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.NewSavedReply;
import io.clientportal.messaging.model.SavedReply;
import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.model.SavedReplyQuery;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * The team's saved replies: owners, admins and managers manage them, every team member uses them, clients never
 * learn they exist; placeholders are filled for a conversation the actor may see; shortcuts are unique per tenant;
 * an update names the version it read; refused writes change nothing; tenants do not share them.
 */
public abstract class SavedReplyContract extends Contract {

    /** Another engine over the same store with these limits, which the caller closes. */
    protected abstract Messaging nodeWithLimits(MessagingLimits limits);

    private SavedReplies replies() {
        return world().messaging.savedReplies();
    }

    private SavedReply create(Actor actor, String title, String shortcut, String text) {
        return replies().create(actor, new NewSavedReply(title, shortcut, text));
    }

    private List<SavedReply> all() {
        return replies().list(world().owner, SavedReplyQuery.byTitle());
    }

    private List<Actor> managers() {
        var w = world();
        return List.of(w.owner, w.admin, w.manager);
    }

    private List<Actor> otherTeamMembers() {
        var w = world();
        return List.of(w.agent, w.readOnlyAgent, w.watcher, w.outsider);
    }

    /** Clients of every account, and actors the directory does not know. */
    private List<Actor> neverTold() {
        var w = world();
        return List.of(w.alice, w.bob, w.ivan, w.olga, w.ghost, w.stranger);
    }

    // --- CRUD ---------------------------------------------------------------------------------------------------

    @Test
    void managersCreateRepliesThatEveryTeamMemberReads() {
        var w = world();
        java.time.Instant before = w.clock.instant().minusMillis(1);
        SavedReply thanks = create(w.owner, "Thanks", "Thanks", "Thank you, {{client.firstName}}!");

        assertThat(thanks.title()).isEqualTo("Thanks");
        assertThat(thanks.shortcut()).as("shortcuts are lower case").isEqualTo("thanks");
        assertThat(thanks.text()).isEqualTo("Thank you, {{client.firstName}}!");
        assertThat(thanks.createdBy()).isEqualTo(w.owner.id());
        assertThat(thanks.version()).isEqualTo(1);
        assertThat(thanks.updatedAt()).isBetween(before, w.clock.instant());
        create(w.admin, "Invoice reminder", "invoice", "Your invoice is due.");
        create(w.manager, "Away", "away", "I am away until Monday.");

        for (Actor actor : union(managers(), otherTeamMembers())) {
            assertThat(replies().list(actor, SavedReplyQuery.byTitle())).as(actor.id())
                    .extracting(SavedReply::shortcut).containsExactly("away", "invoice", "thanks");
            assertThat(replies().get(actor, thanks.id())).as(actor.id()).isEqualTo(thanks);
        }
    }

    @Test
    void theListIsAlphabeticalByTitleOrByShortcutAndFiltersByShortcutPrefixOrTitle() {
        var w = world();
        create(w.owner, "b: zebra", "a-zebra", "z");
        create(w.owner, "A: apple", "c-apple", "a");
        create(w.owner, "c: Mango", "b-mango", "m");

        assertThat(replies().list(w.agent, SavedReplyQuery.byTitle())).extracting(SavedReply::title)
                .as("ignoring case").containsExactly("A: apple", "b: zebra", "c: Mango");
        assertThat(replies().list(w.agent, SavedReplyQuery.byShortcut())).extracting(SavedReply::shortcut)
                .containsExactly("a-zebra", "b-mango", "c-apple");
        assertThat(replies().list(w.agent, SavedReplyQuery.byShortcut().matching("B-")))
                .extracting(SavedReply::shortcut).as("shortcut prefix, any case").containsExactly("b-mango");
        assertThat(replies().list(w.agent, SavedReplyQuery.byTitle().matching("mAnGo")))
                .extracting(SavedReply::title).as("title contains").containsExactly("c: Mango");
        assertThat(replies().list(w.agent, SavedReplyQuery.byTitle().matching("nothing-like-it"))).isEmpty();
    }

    @Test
    void anUpdateReplacesTheFieldsAndMovesToTheNextVersion() {
        var w = world();
        SavedReply created = create(w.owner, "Hello", "hello", "Hello!");
        w.clock.advance(Duration.ofMinutes(3));

        SavedReply updated = replies().update(w.manager, created.id(), 1,
                new NewSavedReply("Hello there", "hi", "Hello {{client.name}}"));

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.title()).isEqualTo("Hello there");
        assertThat(updated.shortcut()).isEqualTo("hi");
        assertThat(updated.text()).isEqualTo("Hello {{client.name}}");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdBy()).as("who created it stays").isEqualTo(w.owner.id());
        assertThat(updated.updatedAt()).isAfter(created.updatedAt());
        assertThat(replies().get(w.agent, created.id())).isEqualTo(updated);
        assertThat(replies().update(w.admin, created.id(), 2, new NewSavedReply("Hello there", "hi", "Hi"))
                .version()).as("keeping its own shortcut").isEqualTo(3);
        assertThat(create(w.owner, "Hello again", "hello", "Hello").shortcut())
                .as("the old shortcut is free again").isEqualTo("hello");
    }

    @Test
    void aDeletedReplyIsGoneEverywhere() {
        var w = world();
        SavedReply gone = create(w.owner, "Gone", "gone", "Bye {{client.name}}");
        SavedReply kept = create(w.owner, "Kept", "kept", "Kept");

        replies().delete(w.admin, gone.id());

        assertThat(all()).containsExactly(kept);
        assertThatThrownBy(() -> replies().get(w.owner, gone.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replies().render(w.owner, gone.id(), w.acme)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replies().update(w.owner, gone.id(), 1, new NewSavedReply("x", "x", "x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replies().delete(w.owner, gone.id())).isInstanceOf(NotFoundException.class);
        assertThat(create(w.owner, "Gone again", "gone", "Back").shortcut()).isEqualTo("gone");
    }

    @Test
    void anUnknownIdIsNotFoundForEveryCall() {
        var w = world();
        SavedReplyId missing = new SavedReplyId(UUID.randomUUID());
        assertHidden(() -> replies().get(w.owner, missing));
        assertHidden(() -> replies().render(w.owner, missing, w.acme));
        assertHidden(() -> replies().update(w.owner, missing, 1, new NewSavedReply("x", "x", "x")));
        assertHidden(() -> replies().delete(w.owner, missing));
    }

    // --- the permission table -----------------------------------------------------------------------------------

    @Test
    void onlyOwnersAdminsAndManagersManageOtherTeamMembersAreDenied() {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello!");
        int i = 0;
        for (Actor manager : managers()) {
            SavedReply own = create(manager, "By " + manager.id(), "by-" + (i++), "x");
            SavedReply changed = replies().update(manager, own.id(), 1, new NewSavedReply("Changed", own.shortcut(),
                    "y"));
            assertThat(changed.version()).isEqualTo(2);
            replies().delete(manager, own.id());
        }
        for (Actor member : otherTeamMembers()) {
            assertDenied(() -> create(member, "Mine", "mine", "x"));
            assertDenied(() -> replies().update(member, reply.id(), 1, new NewSavedReply("Mine", "mine", "x")));
            assertDenied(() -> replies().delete(member, reply.id()));
        }
        assertThat(all()).containsExactly(reply);
    }

    @Test
    void clientsAndUnknownActorsAreNeverToldSavedRepliesExist() {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello {{client.name}}");
        for (Actor actor : neverTold()) {
            assertHidden(() -> replies().list(actor, SavedReplyQuery.byTitle()));
            assertHidden(() -> replies().get(actor, reply.id()));
            assertHidden(() -> replies().render(actor, reply.id(), w.acme));
            assertHidden(() -> create(actor, "Mine", "mine", "x"));
            assertHidden(() -> replies().update(actor, reply.id(), 1, new NewSavedReply("Mine", "mine", "x")));
            assertHidden(() -> replies().delete(actor, reply.id()));
        }
        assertThat(all()).containsExactly(reply);
    }

    @Test
    void aClientIsAnsweredForAnExistingReplyExactlyAsForAMissingOne() {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello");
        SavedReplyId missing = new SavedReplyId(UUID.randomUUID());
        MessagingException existing = catchMessaging(() -> replies().get(w.alice, reply.id()));
        MessagingException absent = catchMessaging(() -> replies().get(w.alice, missing));

        assertThat(existing).isInstanceOf(NotFoundException.class).hasSameClassAs(absent);
        assertThat(existing.getMessage().replace(reply.id().toString(), "ID"))
                .isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        MessagingException rendered = catchMessaging(() -> replies().render(w.alice, reply.id(), w.acme));
        assertThat(rendered.getMessage()).doesNotContain("Hello").doesNotContain(w.acme.toString());
    }

    @Test
    void aTeamMemberWhoLeftTheDirectoryMayNoLongerUseOrManageThem() {
        var w = world();
        SavedReply reply = create(w.admin, "Hello", "hello", "Hello");
        w.messaging.directory().removeTeamMember("admin");

        assertHidden(() -> replies().list(w.admin, SavedReplyQuery.byTitle()));
        assertHidden(() -> replies().delete(w.admin, reply.id()));
        assertThat(replies().get(w.owner, reply.id())).as("what they created stays").isEqualTo(reply);
    }

    @Test
    void aDemotedManagerIsDeniedAtTheVeryNextWrite() {
        var w = world();
        SavedReply reply = create(w.manager, "Hello", "hello", "Hello");
        w.messaging.directory().upsertTeamMember("manager", "Mona Manager", TeamRole.AGENT);

        assertDenied(() -> replies().update(w.manager, reply.id(), 1, new NewSavedReply("x", "x", "x")));
        assertDenied(() -> replies().delete(w.manager, reply.id()));
        assertThat(replies().get(w.manager, reply.id())).as("still on the team: still used").isEqualTo(reply);
    }

    // --- placeholders -------------------------------------------------------------------------------------------

    @Test
    void renderingFillsThePlaceholdersForTheConversationAndTheActingMember() {
        var w = world();
        SavedReply reply = create(w.owner, "Greeting", "greeting",
                "Hi {{client.firstName}} ({{ client.name }}), {{me.name}} here; {{me.firstName}} for short.");

        assertThat(replies().render(w.owner, reply.id(), w.solo)).as("an individual's first name")
                .isEqualTo("Hi Ivan (Ivan Solo), Olivia Owner here; Olivia for short.");
        assertThat(replies().render(w.agent, reply.id(), w.acme))
                .as("an organisation has no first name: its name")
                .isEqualTo("Hi Acme Ltd (Acme Ltd), Aiden Agent here; Aiden for short.");
        assertThat(replies().render(w.watcher, reply.id(), w.acme))
                .as("a watcher renders (and cannot post it anyway)")
                .isEqualTo("Hi Acme Ltd (Acme Ltd), Walt Watcher here; Walt for short.");
        assertThat(replies().get(w.agent, reply.id()).text()).as("the template is kept as written")
                .contains("{{client.firstName}}");
    }

    @Test
    void renderingRequiresThatTheActorMaySeeTheConversation() {
        var w = world();
        SavedReply reply = create(w.owner, "Greeting", "greeting", "Hi {{client.name}}");
        ConversationId missing = new ConversationId(UUID.randomUUID());

        assertHidden(() -> replies().render(w.outsider, reply.id(), w.acme));
        assertHidden(() -> replies().render(w.agent, reply.id(), w.solo));
        assertHidden(() -> replies().render(w.owner, reply.id(), missing));
        MessagingException hidden = catchMessaging(() -> replies().render(w.agent, reply.id(), w.solo));
        MessagingException absent = catchMessaging(() -> replies().render(w.agent, reply.id(), missing));
        assertThat(hidden.getMessage().replace(w.solo.toString(), "ID"))
                .isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        assertThat(hidden.getMessage()).doesNotContain("Ivan");
    }

    @Test
    void aRenderedReplyPostedByAnAgentReachesTheClientAsAnOrdinaryMessage() {
        var w = world();
        SavedReply reply = create(w.owner, "Greeting", "greeting", "Hello {{client.name}}, {{me.firstName}} here.");
        String text = replies().render(w.agent, reply.id(), w.acme);
        Message posted = w.messaging.messages().post(w.agent, w.acme, NewMessage.text(text));

        List<Message> seen = w.messaging.messages().history(w.alice, w.acme, HistoryQuery.latest(10)).items();
        assertThat(seen).extracting(Message::text).containsExactly("Hello Acme Ltd, Aiden here.");
        assertThat(seen.get(0).id()).isEqualTo(posted.id());
    }

    @Test
    void unknownPlaceholdersAreRefusedNamingTheTextAndThePlaceholder() {
        var w = world();
        assertThatThrownBy(() -> create(w.owner, "Email", "email", "Write to {{client.email}}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.getMessage()).contains("{{client.email}}").contains("{{client.name}}");
                });
        SavedReply reply = create(w.owner, "Fine", "fine", "Literal { braces } and {{ me.name }} are fine");
        assertThatThrownBy(() -> replies().update(w.owner, reply.id(), 1,
                new NewSavedReply("Fine", "fine", "{{team.name}}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThat(all()).containsExactly(reply);
    }

    // --- hostile input ------------------------------------------------------------------------------------------

    @Test
    void invalidFieldsAreRefusedNamingTheFieldAndChangeNothing() {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello");
        int maxText = MessagingLimits.DEFAULT_MAX_TEXT_LENGTH;
        List<Object[]> cases = List.of(
                new Object[]{new NewSavedReply(null, "ok", "x"), "title"},
                new Object[]{new NewSavedReply("  ", "ok", "x"), "title"},
                new Object[]{new NewSavedReply("t".repeat(201), "ok", "x"), "title"},
                new Object[]{new NewSavedReply("bell\u0007", "ok", "x"), "title"},
                new Object[]{new NewSavedReply("ok", null, "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "", "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "two words", "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "/slash", "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "-dash-first", "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "s".repeat(33), "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "<script>", "x"), "shortcut"},
                new Object[]{new NewSavedReply("ok", "ok", null), "text"},
                new Object[]{new NewSavedReply("ok", "ok", " "), "text"},
                new Object[]{new NewSavedReply("ok", "ok", "x".repeat(maxText + 1)), "text"},
                new Object[]{new NewSavedReply("ok", "ok", "nul\0"), "text"},
                new Object[]{new NewSavedReply("ok", "ok", "lone \ud800"), "text"});
        for (Object[] c : cases) {
            NewSavedReply bad = (NewSavedReply) c[0];
            String field = (String) c[1];
            assertThatThrownBy(() -> replies().create(w.owner, bad)).as("create %s", bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
            assertThatThrownBy(() -> replies().update(w.owner, reply.id(), 1, bad)).as("update %s", bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
        }
        assertThat(create(w.owner, "Longest", "s".repeat(32), "x".repeat(maxText)).shortcut()).hasSize(32);
        assertThat(replies().get(w.owner, reply.id())).isEqualTo(reply);
        assertThat(all()).hasSize(2);
    }

    // --- conflicts ----------------------------------------------------------------------------------------------

    @Test
    void aShortcutIsUniqueInTheTenantWhateverItsCase() {
        var w = world();
        SavedReply first = create(w.owner, "First", "same", "1");
        SavedReply second = create(w.owner, "Second", "other", "2");

        assertThatThrownBy(() -> create(w.admin, "Again", "SAME", "x"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("shortcut"));
        assertThatThrownBy(() -> replies().update(w.owner, second.id(), 1, new NewSavedReply("Second", "same", "2")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("shortcut"));
        assertThat(all()).containsExactly(first, second);
    }

    @Test
    void anUpdateOfAStaleVersionConflictsAndChangesNothing() {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello");
        SavedReply current = replies().update(w.admin, reply.id(), 1, new NewSavedReply("Hello", "hello", "Hi"));

        assertThatThrownBy(() -> replies().update(w.manager, reply.id(), 1, new NewSavedReply("Mine", "mine", "Yo")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.getMessage()).contains("version 2");
                });
        assertThatThrownBy(() -> replies().update(w.manager, reply.id(), 7, new NewSavedReply("Mine", "mine", "Yo")))
                .isInstanceOf(ConflictException.class);
        assertThat(replies().get(w.owner, reply.id())).isEqualTo(current);
    }

    @Test
    void ofTwoConcurrentUpdatesOfOneVersionExactlyOneWins() throws Exception {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello");
        List<RaceOutcome> outcomes = race(
                () -> replies().update(w.owner, reply.id(), 1, new NewSavedReply("By owner", "hello", "o")),
                () -> replies().update(w.admin, reply.id(), 1, new NewSavedReply("By admin", "hello", "a")));

        assertThat(outcomes).filteredOn(RaceOutcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(ConflictException.class));
        SavedReply stored = replies().get(w.owner, reply.id());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.title()).isIn("By owner", "By admin");
    }

    @Test
    void ofTwoConcurrentCreatesWithOneShortcutExactlyOneWins() throws Exception {
        var w = world();
        List<RaceOutcome> outcomes = race(
                () -> create(w.owner, "By owner", "race", "o"),
                () -> create(w.admin, "By admin", "race", "a"));

        assertThat(outcomes).filteredOn(RaceOutcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.failure()).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("shortcut")));
        assertThat(all()).extracting(SavedReply::shortcut).containsExactly("race");
    }

    // --- limits and tenancy -------------------------------------------------------------------------------------

    @Test
    void aTenantHasAtMostTheConfiguredNumberOfReplies() {
        var w = world();
        try (Messaging node = nodeWithLimits(MessagingLimits.defaults().withMaxSavedReplies(2))) {
            SavedReplies capped = node.tenant(w.messaging.tenantId()).savedReplies();
            SavedReply one = capped.create(w.owner, new NewSavedReply("One", "one", "1"));
            capped.create(w.owner, new NewSavedReply("Two", "two", "2"));

            assertThatThrownBy(() -> capped.create(w.owner, new NewSavedReply("Three", "three", "3")))
                    .isInstanceOf(LimitExceededException.class).hasMessageContaining("2");
            assertThat(all()).hasSize(2);
            capped.delete(w.owner, one.id());
            assertDoesNotThrow(() -> capped.create(w.owner, new NewSavedReply("Three", "three", "3")));
        }
    }

    @Test
    void anotherTenantSeesNoneOfThemAndMayUseTheSameShortcuts() {
        var w = world();
        SavedReply reply = create(w.owner, "Hello", "hello", "Hello {{client.name}}");
        Messaging tenantB = w.root.tenant("b-" + UUID.randomUUID());
        tenantB.directory().upsertTeamMember("owner", "Other Owner", TeamRole.OWNER);
        ConversationId theirs = tenantB.directory().createClientAccount("acme", "Acme B", AccountKind.INDIVIDUAL)
                .id();
        SavedReplies b = tenantB.savedReplies();

        assertThat(b.list(w.owner, SavedReplyQuery.byTitle())).isEmpty();
        assertHidden(() -> b.get(w.owner, reply.id()));
        assertHidden(() -> b.render(w.owner, reply.id(), theirs));
        assertHidden(() -> b.update(w.owner, reply.id(), 1, new NewSavedReply("x", "x", "x")));
        assertHidden(() -> b.delete(w.owner, reply.id()));
        SavedReply theirsToo = b.create(w.owner, new NewSavedReply("Hello B", "hello", "Hello"));
        assertThat(b.render(w.owner, theirsToo.id(), theirs)).isEqualTo("Hello");
        assertHidden(() -> replies().render(w.owner, theirsToo.id(), w.acme));
        assertThat(all()).containsExactly(reply);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** What one racing call did. */
    private record RaceOutcome(boolean succeeded, Throwable failure) {
    }

    private static List<RaceOutcome> race(Executable first, Executable second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RaceOutcome>> futures = new ArrayList<>();
            for (Executable call : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        call.execute();
                        return new RaceOutcome(true, null);
                    } catch (Throwable e) {
                        return new RaceOutcome(false, e);
                    }
                }));
            }
            start.countDown();
            List<RaceOutcome> outcomes = new ArrayList<>();
            for (Future<RaceOutcome> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Actor> union(List<Actor> a, List<Actor> b) {
        List<Actor> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void assertHidden(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(NotFoundException.class);
    }

    private static void assertDenied(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(AccessDeniedException.class);
    }

    private static MessagingException catchMessaging(Executable call) {
        try {
            call.execute();
        } catch (MessagingException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError("expected a MessagingException", e);
        }
        throw new AssertionError("expected a MessagingException");
    }
}

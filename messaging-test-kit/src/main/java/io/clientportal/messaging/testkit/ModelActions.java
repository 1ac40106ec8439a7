package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.TeamRole;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The actions of a model run, each a jqwik {@link Action} whose description tells what it does, so that a shrunk
 * failing sequence reads as a story. Actions name people, accounts and messages by the {@link ModelCast}'s names
 * and by "the k-th newest message", never by ids: a shrunk sequence still means something.
 */
final class ModelActions {

    private static final List<String> TEXTS = List.of("hello", "thanks", "see attached", "ok?", "", " ");
    private static final List<String> KEYS = List.of("k1", "k2", "k3");
    /** An empty list means all clients. */
    private static final List<List<String>> AUDIENCES = List.of(List.of(), List.of("acme"), List.of("beta", "solo"),
            List.of("zed"), List.of("acme", "neworg"), List.of("solo", "solo"));

    private ModelActions() {
    }

    /** Chains of {@code length} actions, each run starting from a fresh {@link ModelRun}. */
    static ActionChainArbitrary<ModelRun> chains(Supplier<ModelRun> start, int length) {
        return ActionChain.<ModelRun>startWith(start)
                .withAction(3, action(upsertTeamMember()))
                .withAction(1, action(removeTeamMember()))
                .withAction(2, action(createAccount()))
                .withAction(2, action(addClientUser()))
                .withAction(1, action(removeClientUser()))
                .withAction(1, action(deleteAccount()))
                .withAction(4, action(saveParticipant(true)))
                .withAction(3, action(saveParticipant(false)))
                .withAction(2, action(removeParticipant()))
                .withAction(2, action(assign()))
                .withAction(2, action(setStatus()))
                .withAction(12, action(post()))
                .withAction(5, action(postNote()))
                .withAction(2, action(retry()))
                .withAction(5, action(edit()))
                .withAction(4, action(delete()))
                .withAction(3, action(advanceClock()))
                .withAction(5, action(markRead()))
                .withAction(4, action(look()))
                .withAction(1, action(announce()))
                .withAction(1, action(announcementStats()))
                .withAction(1, action(replay()))
                .withMaxTransformations(length);
    }

    private static Action.Independent<ModelRun> action(Arbitrary<Transformer<ModelRun>> transformers) {
        return () -> transformers;
    }

    private static Transformer<ModelRun> step(String description, Consumer<ModelRun> change) {
        return Transformer.mutate(description, change);
    }

    private static Arbitrary<Actor> actors() {
        return Arbitraries.of(ModelCast.ACTORS);
    }

    private static Arbitrary<String> teamIds() {
        return Arbitraries.of(new ArrayList<>(ModelCast.TEAM.keySet()));
    }

    /** Team member ids to add or remove as participants: the cast, and one the directory never knew. */
    private static Arbitrary<String> members() {
        List<String> ids = new ArrayList<>(ModelCast.TEAM.keySet());
        ids.add(ModelCast.TEAM_STRANGER);
        return Arbitraries.of(ids);
    }

    private static Arbitrary<String> accounts() {
        return Arbitraries.of(ModelCast.ACCOUNTS);
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.of(TEXTS);
    }

    /** Which message: 0 is the newest, 1 the one before, and so on (wrapping around). */
    private static Arbitrary<Integer> recent() {
        return Arbitraries.integers().between(0, 9);
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    private static String nth(int newest) {
        return newest == 0 ? "the newest message" : "the newest message but " + newest;
    }

    // --- the directory -------------------------------------------------------------------------------------

    private static Arbitrary<Transformer<ModelRun>> upsertTeamMember() {
        return Combinators.combine(teamIds(), Arbitraries.of(TeamRole.class)).as((id, role) ->
                step("directory: upsert team member " + id + " as " + role, run -> run.upsertTeamMember(id, role)));
    }

    private static Arbitrary<Transformer<ModelRun>> removeTeamMember() {
        return teamIds().map(id -> step("directory: remove team member " + id, run -> run.removeTeamMember(id)));
    }

    private static Arbitrary<Transformer<ModelRun>> createAccount() {
        return Combinators.combine(accounts(), Arbitraries.of(AccountKind.class)).as((id, kind) ->
                step("directory: create " + kind + " account " + id, run -> run.createAccount(id, kind)));
    }

    private static Arbitrary<Transformer<ModelRun>> addClientUser() {
        return Combinators.combine(accounts(), Arbitraries.of(ModelCast.USERS)).as((account, user) ->
                step("directory: add client user " + user + " to " + account,
                        run -> run.addClientUser(account, user)));
    }

    private static Arbitrary<Transformer<ModelRun>> removeClientUser() {
        return Arbitraries.of(ModelCast.USERS).map(user -> step("directory: remove client user " + user,
                run -> run.removeClientUser(user)));
    }

    private static Arbitrary<Transformer<ModelRun>> deleteAccount() {
        return accounts().map(id -> step("directory: delete account " + id, run -> run.deleteAccount(id)));
    }

    // --- participants --------------------------------------------------------------------------------------

    private static Arbitrary<Transformer<ModelRun>> saveParticipant(boolean add) {
        return Combinators.combine(actors(), accounts(), members(), Arbitraries.of(Access.class))
                .as((actor, account, member, access) -> step(ModelCast.name(actor)
                                + (add ? " adds " + member + " to " + account + " with " : " sets the access of "
                                + member + " in " + account + " to ") + access,
                        run -> run.saveParticipant(actor, account, member, access, add)));
    }

    private static Arbitrary<Transformer<ModelRun>> removeParticipant() {
        return Combinators.combine(actors(), accounts(), members()).as((actor, account, member) ->
                step(ModelCast.name(actor) + " removes " + member + " from " + account,
                        run -> run.removeParticipant(actor, account, member)));
    }

    private static Arbitrary<Transformer<ModelRun>> assign() {
        return Combinators.combine(actors(), accounts(), members().injectNull(0.3)).as((actor, account, member) ->
                step(ModelCast.name(actor) + " assigns " + account + " to " + member,
                        run -> run.assign(actor, account, member)));
    }

    private static Arbitrary<Transformer<ModelRun>> setStatus() {
        return Combinators.combine(actors(), accounts(), Arbitraries.of(ConversationStatus.class))
                .as((actor, account, status) -> step(ModelCast.name(actor) + " sets " + account + " " + status,
                        run -> run.setStatus(actor, account, status)));
    }

    // --- messages ------------------------------------------------------------------------------------------

    private static Arbitrary<Transformer<ModelRun>> post() {
        Arbitrary<String> keys = Arbitraries.of(KEYS).injectNull(0.4);
        return Combinators.combine(actors(), accounts(), texts(), keys, Arbitraries.of(false, true))
                .as((actor, account, text, key, attach) -> {
                    boolean withAttachment = attach && key == null;
                    return step(ModelCast.name(actor) + " posts " + quoted(text) + " in " + account
                                    + (key == null ? "" : " with key " + key)
                                    + (withAttachment ? " with an attachment" : ""),
                            run -> run.post(actor, account, text, key, withAttachment));
                });
    }

    /** An internal note, sometimes with an attachment (never with a key: retries are the posts' business). */
    private static Arbitrary<Transformer<ModelRun>> postNote() {
        return Combinators.combine(actors(), accounts(), texts(), Arbitraries.of(false, true))
                .as((actor, account, text, attach) -> step(ModelCast.name(actor) + " posts the note " + quoted(text)
                                + " in " + account + (attach ? " with an attachment" : ""),
                        run -> run.post(actor, account, text, null, attach, true)));
    }

    private static Arbitrary<Transformer<ModelRun>> retry() {
        return Combinators.combine(recent(), Arbitraries.of(true, false), texts()).as((newest, same, other) ->
                step("the author of the " + (newest == 0 ? "" : newest + 1 + ". ") + "newest keyed message posts it"
                                + " again" + (same ? " with the same text" : ", the text now " + quoted(other)),
                        run -> run.retry(newest, same, other)));
    }

    /** Who edits or deletes: {@code null} for the message's own author. */
    private static Arbitrary<Actor> editors() {
        return actors().injectNull(0.5);
    }

    private static Arbitrary<Transformer<ModelRun>> edit() {
        return Combinators.combine(editors(), recent(), texts()).as((actor, newest, text) ->
                step((actor == null ? "its author" : ModelCast.name(actor)) + " edits " + nth(newest) + " to "
                        + quoted(text), run -> run.edit(actor, newest, text)));
    }

    private static Arbitrary<Transformer<ModelRun>> delete() {
        return Combinators.combine(editors(), recent()).as((actor, newest) ->
                step((actor == null ? "its author" : ModelCast.name(actor)) + " deletes " + nth(newest),
                        run -> run.delete(actor, newest)));
    }

    private static Arbitrary<Transformer<ModelRun>> advanceClock() {
        // Even minutes only: a message is then never exactly as old as the 15-minute edit window.
        return Arbitraries.of(2, 6, 16).map(minutes -> step("the clock moves " + minutes + " minutes on",
                run -> run.advanceClock(minutes)));
    }

    private static Arbitrary<Transformer<ModelRun>> markRead() {
        return Combinators.combine(actors(), accounts(), Arbitraries.of(ModelRun.ReadTarget.class))
                .as((actor, account, target) -> step(ModelCast.name(actor) + " marks " + account + " read up to "
                        + target.name().toLowerCase(Locale.ROOT),
                        run -> run.markRead(actor, account, target)));
    }

    private static Arbitrary<Transformer<ModelRun>> look() {
        return Combinators.combine(actors(), accounts(), Arbitraries.of(ModelRun.Look.class), recent())
                .as((actor, account, what, newest) -> step(ModelCast.name(actor) + " reads "
                                + what.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (what == ModelRun.Look.MESSAGE ? " (" + nth(newest) + ")" : " of " + account),
                        run -> run.look(actor, account, what, newest)));
    }

    // --- announcements and replays -------------------------------------------------------------------------

    private static Arbitrary<Transformer<ModelRun>> announce() {
        return Combinators.combine(actors(), Arbitraries.of(AUDIENCES), texts(), Arbitraries.of(false, true))
                .as((actor, audience, text, highlighted) -> step(ModelCast.name(actor) + " announces "
                                + quoted(text) + (highlighted ? " (highlighted)" : "") + " to "
                                + (audience.isEmpty() ? "all clients" : audience),
                        run -> run.announce(actor, audience, text, highlighted)));
    }

    private static Arbitrary<Transformer<ModelRun>> announcementStats() {
        return Combinators.combine(actors(), recent()).as((actor, newest) ->
                step(ModelCast.name(actor) + " reads the stats of announcement " + newest + " (wrapping)",
                        run -> run.announcementStats(actor, newest)));
    }

    private static Arbitrary<Transformer<ModelRun>> replay() {
        return Arbitraries.just(step("the sentinel replays its event stream from the start", ModelRun::replay));
    }
}

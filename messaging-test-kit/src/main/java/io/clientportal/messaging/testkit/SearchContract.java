package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Highlight;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.SearchHit;
import io.clientportal.messaging.model.SearchQuery;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Full-text search: every query word matches a whole word or the start of a word, case-insensitively; newest first,
 * keyset-paged; only what the actor may see now, never a deleted message, never another tenant's.
 */
public abstract class SearchContract extends Contract {

    private static List<MessageId> found(ContractFixture w, Actor actor, String text) {
        return hits(w, actor, SearchQuery.of(text, 100)).stream().map(hit -> hit.message().id()).toList();
    }

    private static List<SearchHit> hits(ContractFixture w, Actor actor, SearchQuery query) {
        return w.messaging.search().messages(actor, query).items();
    }

    /** Messages as search orders them: newest first, then by id. */
    private static List<MessageId> newestFirst(Message... messages) {
        return List.of(messages).stream().sorted(Comparator.comparing(Message::createdAt)
                .thenComparing(m -> m.id().value()).reversed()).map(Message::id).toList();
    }

    @Test
    void everyWordMustMatchAWholeWordOrTheStartOfOneWhateverTheCase() {
        var w = world();
        Message report = w.post(w.alice, w.acme, "The Quarterly report is READY");
        Message reporting = w.post(w.agent, w.acme, "Reporting later today");
        w.post(w.bob, w.acme, "unreported numbers");

        assertThat(found(w, w.owner, "report")).containsExactlyElementsOf(newestFirst(report, reporting));
        assertThat(found(w, w.owner, "REPORT ready")).containsExactly(report.id());
        assertThat(found(w, w.owner, "ready   Report")).containsExactly(report.id());
        assertThat(found(w, w.owner, "quarterly")).containsExactly(report.id());
        assertThat(found(w, w.owner, "port")).isEmpty();
        assertThat(found(w, w.owner, "report tomorrow")).isEmpty();
    }

    @Test
    void punctuationSeparatesWordsInTheTextAndInTheQuery() {
        var w = world();
        Message m = w.post(w.alice, w.acme, "Invoice#42 (final), ask alice@example.com; tax_return 5e10x ÉTÉ-2026");

        for (String query : List.of("example", "42", "invoice 42", "return", "tax-return", "5e10x", "final!",
                "été", "2026", "\"alice\"", "com;", "été 2026")) {
            assertThat(found(w, w.owner, query)).as(query).containsExactly(m.id());
        }
        for (String query : List.of("e10x", "nvoice", "alice@exam.org", "x")) {
            assertThat(found(w, w.owner, query)).as(query).isEmpty();
        }
    }

    @Test
    void likeWildcardsInTheQueryAreLiteralSeparators() {
        var w = world();
        Message m = w.post(w.alice, w.acme, "abc 100 percent done");

        for (String query : List.of("a_c", "%bc", "_bc", "1%0", "ab%cd", "d_ne")) {
            assertThat(found(w, w.owner, query)).as(query).isEmpty();
        }
        for (String query : List.of("100%", "%done", "abc_", "per%")) {
            assertThat(found(w, w.owner, query)).as(query).containsExactly(m.id());
        }
    }

    @Test
    void resultsAreNewestFirstAcrossConversationsAndPagedWithAnOpaqueCursor() {
        var w = world();
        List<Message> posted = new ArrayList<>();
        posted.add(w.post(w.alice, w.acme, "budget one"));
        posted.add(w.post(w.ivan, w.solo, "budget two"));
        posted.add(w.post(w.olga, w.other, "budget three"));
        w.post(w.olga, w.other, "nothing to see");
        posted.add(w.post(w.agent, w.acme, "budget four"));
        posted.add(w.post(w.owner, w.solo, "Budget five"));

        List<MessageId> seen = new ArrayList<>();
        SearchQuery query = SearchQuery.of("budget", 2);
        int pages = 0;
        while (true) {
            Page<SearchHit> page = w.messaging.search().messages(w.owner, query);
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(hit -> seen.add(hit.message().id()));
            if (!page.hasMore()) {
                break;
            }
            query = query.after(page.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst(posted.toArray(Message[]::new)));
        // A message posted after the first page does not shift the later ones.
        Page<SearchHit> first = w.messaging.search().messages(w.owner, SearchQuery.of("budget", 2));
        w.post(w.alice, w.acme, "budget six");
        Page<SearchHit> second = w.messaging.search().messages(w.owner,
                SearchQuery.of("budget", 2).after(first.nextCursor()));
        assertThat(second.items()).extracting(hit -> hit.message().id()).containsExactlyElementsOf(seen.subList(2, 4));
    }

    @Test
    void oneConversationOnlyWhenAskedAndNotFoundForOneTheActorMayNotSee() {
        var w = world();
        Message inAcme = w.post(w.alice, w.acme, "contract signed");
        w.post(w.ivan, w.solo, "contract pending");

        assertThat(hits(w, w.owner, SearchQuery.of("contract", 10).in(w.acme)))
                .extracting(hit -> hit.message().id()).containsExactly(inAcme.id());
        assertThat(hits(w, w.agent, SearchQuery.of("contract", 10).in(w.acme))).hasSize(1);
        ConversationId missing = new ConversationId(UUID.randomUUID());
        for (var attempt : List.<Runnable>of(
                () -> hits(w, w.alice, SearchQuery.of("contract", 10).in(w.solo)),
                () -> hits(w, w.agent, SearchQuery.of("contract", 10).in(w.solo)),
                () -> hits(w, w.outsider, SearchQuery.of("contract", 10).in(w.acme)),
                () -> hits(w, w.owner, SearchQuery.of("contract", 10).in(missing)))) {
            assertThatThrownBy(attempt::run).isInstanceOf(NotFoundException.class)
                    .hasMessageEndingWith(" not found");
        }
    }

    @Test
    void everyoneFindsOnlyTheConversationsTheyMayViewNow() {
        var w = world();
        Message acme = w.post(w.alice, w.acme, "deadline friday");
        Message solo = w.post(w.ivan, w.solo, "deadline monday");
        Message other = w.post(w.olga, w.other, "deadline sunday");

        for (Actor manager : List.of(w.owner, w.admin, w.manager)) {
            assertThat(found(w, manager, "deadline")).as(manager.id())
                    .containsExactlyInAnyOrder(acme.id(), solo.id(), other.id());
        }
        for (Actor member : List.of(w.agent, w.readOnlyAgent, w.watcher, w.alice, w.bob)) {
            assertThat(found(w, member, "deadline")).as(member.id()).containsExactly(acme.id());
        }
        assertThat(found(w, w.ivan, "deadline")).containsExactly(solo.id());
        assertThat(found(w, w.olga, "deadline")).containsExactly(other.id());
        assertThat(found(w, w.outsider, "deadline")).isEmpty();
        for (Actor unknown : List.of(w.stranger, w.ghost)) {
            assertThatThrownBy(() -> found(w, unknown, "deadline")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aRemovedParticipantNoLongerFindsTheConversationsMessages() {
        var w = world();
        Message m = w.post(w.alice, w.acme, "secret merger plans");
        assertThat(found(w, w.agent, "merger")).containsExactly(m.id());

        w.messaging.conversations().removeParticipant(w.owner, w.acme, "agent");

        assertThat(found(w, w.agent, "merger")).isEmpty();
        assertThatThrownBy(() -> hits(w, w.agent, SearchQuery.of("merger", 10).in(w.acme)))
                .isInstanceOf(NotFoundException.class);
        w.messaging.conversations().addParticipant(w.owner, w.solo, "agent", Access.WRITE);
        Message inSolo = w.post(w.ivan, w.solo, "merger rumours");
        assertThat(found(w, w.agent, "merger")).containsExactly(inSolo.id());
    }

    @Test
    void aClientNeverFindsAnInternalNoteAndSeesItsOwnSeqsWhileTheTeamFindsTheNote() {
        var w = world();
        Message before = w.post(w.alice, w.acme, "budget question");
        Message note = w.messaging.messages().post(w.agent, w.acme, NewMessage.note("budget is tight, push back"));
        Message after = w.post(w.agent, w.acme, "budget approved");

        for (Actor client : List.of(w.alice, w.bob)) {
            List<SearchHit> seen = hits(w, client, SearchQuery.of("budget", 10));
            assertThat(seen).extracting(hit -> hit.message().id()).as(client.id())
                    .containsExactly(after.id(), before.id());
            // The client's seqs are gap-free: the note between them left no trace.
            assertThat(seen).extracting(hit -> hit.message().seq()).containsExactly(2L, 1L);
            assertThat(found(w, client, "tight")).as(client.id()).isEmpty();
            assertThat(hits(w, client, SearchQuery.of("budget", 10).in(w.acme))).hasSize(2);
        }
        for (Actor team : List.of(w.owner, w.agent, w.readOnlyAgent, w.watcher)) {
            assertThat(found(w, team, "tight")).as(team.id()).containsExactly(note.id());
            assertThat(hits(w, team, SearchQuery.of("tight", 10)).get(0).message().internal()).isTrue();
        }
    }

    @Test
    void deletedMessagesAreNeverFoundAndEditsAreFoundByTheirNewText() {
        var w = world();
        Message deleted = w.post(w.alice, w.acme, "password hunter2 oops");
        Message edited = w.post(w.alice, w.acme, "draft wording");
        w.messaging.messages().delete(w.alice, deleted.id());
        w.messaging.messages().edit(w.alice, edited.id(), "final wording");

        for (Actor actor : List.of(w.owner, w.alice, w.agent)) {
            assertThat(found(w, actor, "password")).as(actor.id()).isEmpty();
            assertThat(found(w, actor, "hunter2")).as(actor.id()).isEmpty();
            assertThat(found(w, actor, "draft")).as(actor.id()).isEmpty();
            assertThat(found(w, actor, "final wording")).as(actor.id()).containsExactly(edited.id());
        }
        assertThat(hits(w, w.owner, SearchQuery.of("wording", 10)).get(0).message().text()).isEqualTo("final wording");
    }

    @Test
    void anotherTenantsMessagesAreNeverFound() {
        var w = world();
        Messaging elsewhere = w.root.tenant("t-" + UUID.randomUUID());
        elsewhere.directory().upsertTeamMember("owner", "Other Owner", TeamRole.OWNER);
        ConversationId theirs = elsewhere.directory().createClientAccount("acme", "Acme", AccountKind.INDIVIDUAL)
                .id();
        elsewhere.directory().addClientUser("acme", "alice", "Alice Elsewhere");
        elsewhere.messages().post(Actor.clientUser("alice"), theirs,
                NewMessage.text("zebra crossing"));
        Message ours = w.post(w.alice, w.acme, "zebra stripes");

        assertThat(found(w, w.owner, "zebra")).containsExactly(ours.id());
        assertThat(found(w, w.alice, "zebra")).containsExactly(ours.id());
        assertThat(elsewhere.search().messages(w.owner, SearchQuery.of("zebra", 10)).items())
                .extracting(hit -> hit.message().conversationId()).containsExactly(theirs);
    }

    @Test
    void anAnnouncementIsFoundInEveryConversationItReached() {
        var w = world();
        Announcement sent = w.messaging.announcements().send(w.owner,
                NewAnnouncement.toAllClients("Holiday schedule: office closed"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> w.messaging.announcements().get(w.owner, sent.id()).status()
                        == Announcement.Status.DELIVERED);

        assertThat(hits(w, w.owner, SearchQuery.of("holiday closed", 10)))
                .extracting(hit -> hit.message().conversationId())
                .containsExactlyInAnyOrder(w.acme, w.solo, w.other);
        assertThat(hits(w, w.ivan, SearchQuery.of("holiday", 10)))
                .extracting(hit -> hit.message().conversationId()).containsExactly(w.solo);
    }

    @Test
    void theSnippetIsPlainTextAroundTheFirstMatchWithTheMatchedWordsMarked() {
        var w = world();
        String text = "Hello! " + "filler words here ".repeat(10) + "the <b>Invoice</b> & invoices are due"
                + " soon ".repeat(40);
        w.post(w.alice, w.acme, text);

        SearchHit hit = hits(w, w.owner, SearchQuery.of("invoice", 10)).get(0);

        assertThat(hit.snippet()).startsWith("…").endsWith("…").contains("the <b>Invoice</b> & invoices are due");
        assertThat(hit.snippet().length()).isLessThan(text.length());
        assertThat(hit.highlights()).extracting(h -> hit.snippet().substring(h.start(), h.end()))
                .containsExactly("Invoice", "invoices");
        assertThat(hit.message().text()).isEqualTo(text);

        w.post(w.bob, w.acme, "short invoice");
        SearchHit whole = hits(w, w.owner, SearchQuery.of("invoice", 10)).get(0);
        assertThat(whole.snippet()).isEqualTo("short invoice");
        assertThat(whole.highlights()).containsExactly(new Highlight(6, 13));
    }

    @Test
    void hostileQueriesAreRefusedNamingTheTextAndChangeNothing() {
        var w = world();
        w.post(w.alice, w.acme, "script kiddies");
        for (String hostile : List.of("", "   ", "x".repeat(10_000), "%_\\'\"<script>", "!!! ??? ...", "%", "_",
                "' OR 1 <> 1 --", "a\u0000b", "&|!():*")) {
            assertThatThrownBy(() -> found(w, w.owner, hostile)).as(hostile)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("text"));
        }
        assertThatThrownBy(() -> found(w, w.owner, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> hits(w, w.owner, SearchQuery.of("script", 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> hits(w, w.owner, SearchQuery.of("script", 10).after("not-a-cursor")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        // Operators of SQL and of tsquery are words or separators, never syntax: they find what their words find.
        assertThat(found(w, w.owner, "script' OR '1'='1")).isEmpty();
        assertThat(found(w, w.owner, "script & !kiddies")).hasSize(1);
        assertThat(found(w, w.owner, "x".repeat(200))).isEmpty();
    }
}

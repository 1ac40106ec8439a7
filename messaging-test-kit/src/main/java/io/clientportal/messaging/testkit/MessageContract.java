package io.clientportal.messaging.testkit;

import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.PostResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posting, history, edits and deletes. */
public abstract class MessageContract extends Contract {

    @Test
    void aPostedMessageComesBackAsStored() {
        var w = world();
        Message posted = w.messaging.messages().post(w.alice, w.acme, NewMessage.text("Hello team")
                .withClientMessageId("c-1"));

        assertThat(posted.seq()).isEqualTo(1);
        assertThat(posted.author()).isEqualTo(w.alice);
        assertThat(posted.authorName()).isEqualTo("Alice");
        assertThat(posted.conversationId()).isEqualTo(w.acme);
        assertThat(posted.clientMessageId()).isEqualTo("c-1");
        assertThat(posted.highlighted()).isFalse();
        assertThat(posted.deleted()).isFalse();
        assertThat(posted.editedAt()).isNull();
        assertThat(w.history(w.acme)).containsExactly(posted);
        var conversation = w.messaging.conversations().get(w.owner, w.acme);
        assertThat(conversation.lastSeq()).isEqualTo(1);
        assertThat(conversation.lastMessageAt()).isEqualTo(posted.createdAt());
    }

    @Test
    void aMessageIsReadByIdByWhoeverMaySeeItsConversation() {
        var w = world();
        Message posted = w.post(w.alice, w.acme, "by id");

        assertThat(w.messaging.messages().get(w.watcher, posted.id())).isEqualTo(posted);
        for (var actor : java.util.List.of(w.olga, w.outsider, w.stranger)) {
            assertThatThrownBy(() -> w.messaging.messages().get(actor, posted.id())).as(actor.id())
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("message " + posted.id() + " not found");
        }
    }

    @Test
    void seqIsAssignedByTheServerFromOneWithoutGaps() {
        var w = world();
        for (int i = 1; i <= 5; i++) {
            assertThat(w.post(i % 2 == 0 ? w.agent : w.bob, w.acme, "m" + i).seq()).isEqualTo(i);
        }
        assertThat(w.post(w.ivan, w.solo, "other conversation").seq()).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameClientMessageIdReturnsTheSameMessageAndStoresNothingNew() {
        var w = world();
        NewMessage message = NewMessage.text("only once").withClientMessageId("retry-me");
        Message first = w.messaging.messages().post(w.alice, w.acme, message);
        Message second = w.messaging.messages().post(w.alice, w.acme, message);

        assertThat(second).isEqualTo(first);
        assertThat(w.history(w.acme)).hasSize(1);
        // The key belongs to its author: another author may use the same key.
        Message byBob = w.messaging.messages().post(w.bob, w.acme, message);
        assertThat(byBob.id()).isNotEqualTo(first.id());
    }

    @Test
    void postIdempotentTellsTheCallThatCreatedFromItsRetries() {
        var w = world();
        NewMessage message = NewMessage.text("pay invoice 7").withClientMessageId("inv-7");
        PostResult first = w.messaging.messages().postIdempotent(w.alice, w.acme, message);
        PostResult retry = w.messaging.messages().postIdempotent(w.alice, w.acme, message);

        assertThat(first.created()).isTrue();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.message()).isEqualTo(first.message());
        assertThat(w.messaging.messages().postIdempotent(w.alice, w.acme, NewMessage.text("no key")).created())
                .isTrue();
    }

    @Test
    void aKeyUsedAgainForAnotherTextOrOtherAttachmentsIsAConflictThatStoresNothing() {
        var w = world();
        AttachmentId file = w.messaging.attachments().upload(w.alice, "a.txt", "text/plain",
                new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8))).id();
        AttachmentId otherFile = w.messaging.attachments().upload(w.alice, "b.txt", "text/plain",
                new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8))).id();
        Message first = w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("the contract").withAttachments(file).withClientMessageId("k"));

        for (NewMessage different : List.of(NewMessage.text("another text").withAttachments(file),
                NewMessage.text("the contract"), NewMessage.text("the contract").withAttachments(file, otherFile))) {
            assertThatThrownBy(() -> w.messaging.messages().postIdempotent(w.alice, w.acme,
                    different.withClientMessageId("k")))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.field()).isEqualTo("clientMessageId"));
        }
        assertThat(w.history(w.acme)).containsExactly(first);
        assertThat(w.messaging.messages().post(w.alice, w.acme, NewMessage.text("the contract").withAttachments(file)
                .withClientMessageId("k"))).isEqualTo(first);
        // A message deleted since keeps nothing to compare: the key still answers with it.
        w.messaging.messages().delete(w.alice, first.id());
        assertThat(w.messaging.messages().postIdempotent(w.alice, w.acme,
                NewMessage.text("anything").withClientMessageId("k")).message().id()).isEqualTo(first.id());
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(1);
    }

    @Test
    void historyPagesBackwardsAndForwardsAscendingBySeq() {
        var w = world();
        for (int i = 1; i <= 12; i++) {
            w.post(w.alice, w.acme, "m" + i);
        }
        Page<Message> latest = w.messaging.messages().history(w.agent, w.acme, HistoryQuery.latest(5));
        assertThat(latest.items()).extracting(Message::seq).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(latest.nextCursor()).isEqualTo("8");

        List<Long> all = new ArrayList<>();
        Page<Message> page = latest;
        all.addAll(0, page.items().stream().map(Message::seq).toList());
        while (page.hasMore()) {
            page = w.messaging.messages().history(w.agent, w.acme,
                    HistoryQuery.before(Long.parseLong(page.nextCursor()), 5));
            all.addAll(0, page.items().stream().map(Message::seq).toList());
        }
        assertThat(all).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(w.messaging.messages().history(w.agent, w.acme, HistoryQuery.after(9, 10)).items())
                .extracting(Message::seq).containsExactly(10L, 11L, 12L);
    }

    @Test
    void anEditChangesTheTextAndStampsIt() {
        var w = world();
        Message posted = w.post(w.alice, w.acme, "helo");
        Message edited = w.messaging.messages().edit(w.alice, posted.id(), "hello");

        assertThat(edited.text()).isEqualTo("hello");
        assertThat(edited.editedAt()).isNotNull();
        assertThat(edited.seq()).isEqualTo(posted.seq());
        assertThat(w.history(w.acme)).containsExactly(edited);
    }

    @Test
    void aDeleteLeavesATombstoneThatKeepsItsSeq() {
        var w = world();
        w.post(w.alice, w.acme, "one");
        Message two = w.post(w.alice, w.acme, "two");
        w.post(w.alice, w.acme, "three");

        w.messaging.messages().delete(w.alice, two.id());
        w.messaging.messages().delete(w.alice, two.id());

        List<Message> history = w.history(w.acme);
        assertThat(history).extracting(Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(history.get(1).deleted()).isTrue();
        assertThat(history.get(1).text()).isEmpty();
        assertThatThrownBy(() -> w.messaging.messages().edit(w.alice, two.id(), "undelete"))
                .isInstanceOf(ConflictException.class);
        assertThat(w.post(w.alice, w.acme, "four").seq()).isEqualTo(4);
    }

    @Test
    void badTextIsRejectedWithTheFieldNamedAndNothingPosted() {
        var w = world();
        String tooLong = String.join("", Collections.nCopies(10_001, "x"));
        for (String text : new String[]{null, "", "   ", tooLong, "nul\u0000byte"}) {
            assertThatThrownBy(() -> w.post(w.alice, w.acme, text))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("text"));
        }
        assertThat(w.post(w.alice, w.acme, String.join("", Collections.nCopies(10_000, "x"))).seq()).isEqualTo(1);
        assertThat(w.history(w.acme)).hasSize(1);
    }

    @Test
    void textIsKeptExactlyOrRefusedNeverAltered() {
        var w = world();
        String emoji = "caf\u00e9 \uD83D\uDE00 \u4f60\u597d";
        Message posted = w.post(w.alice, w.acme, emoji);
        assertThat(w.history(w.acme)).extracting(Message::text).containsExactly(emoji);
        // A lone surrogate is no character: stored as UTF-8 it would come back as something else.
        for (String broken : new String[]{"a\uD800b", "\uDE00", "end\uD83D"}) {
            assertThatThrownBy(() -> w.post(w.alice, w.acme, broken)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("text"));
            assertThatThrownBy(() -> w.messaging.messages().edit(w.alice, posted.id(), broken))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> w.messaging.messages().post(w.alice, w.acme,
                    NewMessage.text("x").withClientMessageId(broken))).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("clientMessageId"));
        }
        assertThatThrownBy(() -> w.messaging.directory().upsertTeamMember("agent", "Aiden \uD800",
                io.clientportal.messaging.model.TeamRole.AGENT)).isInstanceOf(InvalidInputException.class);
        assertThat(w.history(w.acme)).extracting(Message::text).containsExactly(emoji);
    }

    @Test
    void badIdsAndKeysAreRejected() {
        var w = world();
        assertThatThrownBy(() -> w.post(w.alice, null, "x")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("conversationId"));
        assertThatThrownBy(() -> w.messaging.messages().post(w.alice, w.acme, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> w.messaging.messages().post(null, w.acme, NewMessage.text("x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("x").withClientMessageId(" "))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("clientMessageId"));
        assertThatThrownBy(() -> w.post(w.alice, new ConversationId(UUID.randomUUID()), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().edit(w.alice, new MessageId(UUID.randomUUID()), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.messages().history(w.alice, w.acme, HistoryQuery.latest(0)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> w.messaging.messages().history(w.alice, w.acme, HistoryQuery.latest(10_000)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(w.history(w.acme)).isEmpty();
    }
}

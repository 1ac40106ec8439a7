package io.clientportal.messaging.testkit;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Announcements: one message into each target's conversation, in the background. */
public abstract class AnnouncementContract extends Contract {

    @Test
    void anAnnouncementToSelectedClientsLandsHighlightedInTheirConversationsOnly() {
        var w = world();
        Attachment file = w.messaging.attachments().upload(w.manager, "terms.txt", "text/plain",
                new ByteArrayInputStream("New terms".getBytes(StandardCharsets.UTF_8)));
        Announcement sent = w.messaging.announcements().send(w.manager,
                NewAnnouncement.toClients(List.of("acme", "solo"), "We moved!").withAttachments(file.id())
                        .highlighted());
        assertThat(sent.targetCount()).isEqualTo(2);
        assertThat(sent.status()).isIn(Announcement.Status.QUEUED, Announcement.Status.SENDING,
                Announcement.Status.DELIVERED);

        awaitDelivered(w, sent.id());
        for (ConversationId target : List.of(w.acme, w.solo)) {
            List<Message> history = w.history(target);
            assertThat(history).hasSize(1);
            Message message = history.get(0);
            assertThat(message.text()).isEqualTo("We moved!");
            assertThat(message.highlighted()).isTrue();
            assertThat(message.announcementId()).isEqualTo(sent.id());
            assertThat(message.author()).isEqualTo(w.manager);
            assertThat(message.attachments()).containsExactly(file);
        }
        assertThat(w.history(w.other)).isEmpty();
        assertThat(w.messaging.messages().unreadTotal(w.ivan)).isEqualTo(1);
    }

    @Test
    void anAnnouncementToAllClientsReachesEveryConversationOnce() {
        var w = world();
        Announcement sent = w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients("Hello all"));
        assertThat(sent.targetCount()).isEqualTo(3);
        Announcement done = awaitDelivered(w, sent.id());
        assertThat(done.deliveredCount()).isEqualTo(3);
        for (ConversationId id : List.of(w.acme, w.solo, w.other)) {
            assertThat(w.history(id)).extracting(Message::announcementId).containsExactly(sent.id());
            assertThat(w.history(id).get(0).highlighted()).isFalse();
        }
    }

    @Test
    void readStatsCountTargetsWhereAClientReadIt() {
        var w = world();
        Announcement sent = w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients("Read me"));
        awaitDelivered(w, sent.id());
        w.messaging.messages().markRead(w.bob, w.acme, 1);
        w.messaging.messages().markRead(w.agent, w.acme, 1);
        w.messaging.messages().markRead(w.owner, w.solo, 1);

        assertThat(w.messaging.announcements().get(w.owner, sent.id()).readCount()).isEqualTo(1);
        w.messaging.messages().markRead(w.ivan, w.solo, 1);
        assertThat(w.messaging.announcements().get(w.manager, sent.id()).readCount()).isEqualTo(2);
    }

    @Test
    void onlyManagersAndTheAuthorSeeAnAnnouncement() {
        var w = world();
        Announcement sent = w.messaging.announcements().send(w.manager, NewAnnouncement.toAllClients("x"));
        assertThat(w.messaging.announcements().get(w.admin, sent.id()).id()).isEqualTo(sent.id());
        assertThatThrownBy(() -> w.messaging.announcements().get(w.agent, sent.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.announcements().get(w.alice, sent.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.announcements().get(w.owner, new AnnouncementId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badAnnouncementsAreRejectedAndNothingIsSent() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.announcements().send(w.owner, NewAnnouncement.toClients(List.of(), "x")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("clientAccountIds"));
        assertThatThrownBy(() -> w.messaging.announcements().send(w.owner,
                NewAnnouncement.toClients(List.of("acme", "missing"), "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients(" ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(w.history(w.acme)).isEmpty();
    }

    @Test
    void anAnnouncementToTenThousandAccountsDeliversExactlyOneMessageToEach() {
        var w = world();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            accounts.add("bulk-" + i);
            w.messaging.directory().createClientAccount("bulk-" + i, "Bulk " + i, AccountKind.INDIVIDUAL);
        }
        Announcement sent = w.messaging.announcements().send(w.owner, NewAnnouncement.toAllClients("Big news"));
        assertThat(sent.targetCount()).isEqualTo(10_003);

        Announcement done = awaitDelivered(w, sent.id());
        assertThat(done.deliveredCount()).isEqualTo(10_003);
        for (String account : List.of(accounts.get(0), accounts.get(4_999), accounts.get(9_999))) {
            ConversationId id = w.messaging.conversations().conversationOf(w.owner, account).id();
            assertThat(w.history(id)).extracting(Message::text).containsExactly("Big news");
        }
        assertThat(w.messaging.conversations().inbox(w.owner, io.clientportal.messaging.model.InboxQuery.first(200))
                .items()).allSatisfy(s -> {
                    assertThat(s.conversation().lastSeq()).isEqualTo(1);
                    assertThat(s.lastMessage().announcementId()).isEqualTo(sent.id());
                });
        assertThat(w.messaging.messages().unreadTotal(w.owner)).isZero();
    }

    @Test
    void aDeliveryStoppedByShutdownResumesOnTheNextStartWithoutDuplicates() {
        var w = world();
        for (int i = 0; i < 5_000; i++) {
            w.messaging.directory().createClientAccount("r-" + i, "R " + i, AccountKind.INDIVIDUAL);
        }
        Announcement sent;
        try (Messaging node = w.newNode()) {
            sent = node.tenant(w.messaging.tenantId()).announcements().send(w.owner,
                    NewAnnouncement.toAllClients("Resumable"));
        }
        try (Messaging restarted = w.newNode()) {
            Announcement done = awaitDelivered(w, sent.id());
            assertThat(done.deliveredCount()).isEqualTo(5_003);
        }
        for (String account : List.of("r-0", "r-2500", "r-4999", "acme")) {
            ConversationId id = w.messaging.conversations().conversationOf(w.owner, account).id();
            assertThat(w.history(id)).extracting(Message::text).containsExactly("Resumable");
        }
    }

    static Announcement awaitDelivered(ContractFixture w, AnnouncementId id) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> w.messaging.announcements().get(w.owner, id),
                        a -> a.status() == Announcement.Status.DELIVERED);
    }
}

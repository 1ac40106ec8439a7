package io.clientportal.messaging.testkit;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.spi.AnnouncementLease;
import io.clientportal.messaging.spi.AnnouncementRow;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.PendingAnnouncement;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

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

    @Test
    void aClientWhoRepliesToAnAnnouncementHasReadIt() {
        var w = world();
        Announcement sent = w.messaging.announcements().send(w.owner,
                NewAnnouncement.toClients(List.of("solo", "acme"), "Reply to me"));
        assertThat(awaitDelivered(w, sent.id()).readCount()).isZero();

        w.post(w.ivan, w.solo, "Thanks, noted");   // posting moves Ivan's horizon past the announcement

        assertThat(w.messaging.announcements().get(w.owner, sent.id()).readCount()).isEqualTo(1);
        w.post(w.agent, w.acme, "A team member's post reads nothing for the client");
        assertThat(w.messaging.announcements().get(w.owner, sent.id()).readCount()).isEqualTo(1);
    }

    @Test
    void theStoreClaimsOnlyUnfinishedAnnouncementsThatNoNodeHolds() {
        var w = world();
        Instant t0 = w.clock.instant().truncatedTo(ChronoUnit.MICROS);
        AnnouncementId id = orphan(w, new AnnouncementLease("ghost", t0.plus(Duration.ofHours(1))));

        assertThat(claim(w, "node-b", t0.plus(Duration.ofMinutes(30)), t0.plus(Duration.ofMinutes(31))))
                .as("a live lease keeps others off").doesNotContain(id);
        Instant leaseEnd = t0.plus(Duration.ofHours(1)).plusSeconds(60);
        assertThat(claim(w, "node-b", t0.plus(Duration.ofHours(1)).plusSeconds(1), leaseEnd))
                .as("a lease that ran out is taken over").containsExactly(id);
        assertThat(lease(w, id)).isEqualTo(new AnnouncementLease("node-b", leaseEnd));
        assertThat(claim(w, "node-c", leaseEnd.minusSeconds(1), leaseEnd.plusSeconds(60)))
                .as("once, by one node").doesNotContain(id);

        store().inTransaction(w.messaging.tenantId(), tx -> {
            AnnouncementRow locked = tx.announcements().lock(id).orElseThrow();
            tx.announcements().update(locked.withProgress(Announcement.Status.DELIVERED, 2, null)
                    .withLease(null));
            return null;
        });
        assertThat(claim(w, "node-c", leaseEnd.plus(Duration.ofDays(1)), leaseEnd.plus(Duration.ofDays(2))))
                .as("a finished announcement is nobody's to claim").doesNotContain(id);
    }

    @Test
    void anAnnouncementWhoseNodeDiedIsDeliveredOnceByAnotherNodeWhenTheLeaseRunsOut() {
        var w = world();
        List<AnnouncementDelivered> deliveredEvents = new CopyOnWriteArrayList<>();
        Instant t0 = w.clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Subscription events = w.messaging.events().subscribe(w.owner, null, event -> {
            if (event instanceof AnnouncementDelivered delivered) {
                deliveredEvents.add(delivered);
            }
        })) {
            // Sent on a node that claimed it and died before its first chunk.
            AnnouncementId id = orphan(w, new AnnouncementLease("ghost", t0.plus(Duration.ofMinutes(10))));

            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() ->
                    w.messaging.announcements().get(w.owner, id).deliveredCount() == 0
                            && w.history(w.acme).isEmpty());

            w.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            Announcement done = awaitDelivered(w, id);
            assertThat(done.deliveredCount()).isEqualTo(2);
            for (ConversationId target : List.of(w.acme, w.solo)) {
                assertThat(w.history(target)).extracting(Message::announcementId).containsExactly(id);
            }
            assertThat(w.history(w.other)).isEmpty();
            assertExactlyOneDeliveredEvent(deliveredEvents, id);
        }
    }

    @Test
    void aNodeThatLostTheLeaseDeliversNoFurtherChunkAndTheNewHolderFinishesExactly() {
        var w = world();
        for (int i = 0; i < 300; i++) {
            w.messaging.directory().createClientAccount("lease-" + i, "Lease " + i, AccountKind.INDIVIDUAL);
        }
        List<AnnouncementDelivered> deliveredEvents = new CopyOnWriteArrayList<>();
        try (Subscription events = w.messaging.events().subscribe(w.owner, null, event -> {
            if (event instanceof AnnouncementDelivered delivered) {
                deliveredEvents.add(delivered);
            }
        }); Messaging node = nodeWithChunkSize(1)) {
            Announcement sent = node.tenant(w.messaging.tenantId()).announcements().send(w.owner,
                    NewAnnouncement.toAllClients("Taken over"));
            // Another node takes the lease over while the sender is delivering (it waits for the chunk in flight).
            Instant t0 = w.clock.instant().truncatedTo(ChronoUnit.MICROS);
            AnnouncementRow stolen = store().inTransaction(w.messaging.tenantId(), tx -> {
                AnnouncementRow locked = tx.announcements().lock(sent.id()).orElseThrow();
                AnnouncementRow taken = locked.withLease(new AnnouncementLease("thief",
                        t0.plus(Duration.ofMinutes(10))));
                tx.announcements().update(taken);
                return taken;
            });
            assertThat(stolen.deliveredCount()).as("taken over mid-delivery").isLessThan(303);

            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() ->
                    w.messaging.announcements().get(w.owner, sent.id()).deliveredCount()
                            == stolen.deliveredCount());
            assertThat(w.messaging.announcements().get(w.owner, sent.id()).status())
                    .isNotEqualTo(Announcement.Status.DELIVERED);

            w.clock.advance(Duration.ofMinutes(10).plusSeconds(1));   // the thief died too
            Announcement done = awaitDelivered(w, sent.id());
            assertThat(done.deliveredCount()).isEqualTo(done.targetCount()).isEqualTo(303);
            for (String account : List.of("acme", "lease-0", "lease-150", "lease-299")) {
                ConversationId id = w.messaging.conversations().conversationOf(w.owner, account).id();
                assertThat(w.history(id)).extracting(Message::text).containsExactly("Taken over");
            }
            assertExactlyOneDeliveredEvent(deliveredEvents, sent.id());
        }
    }

    /** The store this contract runs on, for what only the SPI can arrange (a node that died holding a lease). */
    protected abstract MessagingStore store();

    /** Another engine over the same store delivering announcements in chunks of the given size; the caller closes it. */
    protected abstract Messaging nodeWithChunkSize(int chunkSize);

    /** An announcement to acme and solo, queued and leased as a node that died before delivering it leaves it. */
    private AnnouncementId orphan(ContractFixture w, AnnouncementLease lease) {
        AnnouncementId id = new AnnouncementId(UUID.randomUUID());
        store().inTransaction(w.messaging.tenantId(), tx -> {
            tx.announcements().insert(new AnnouncementRow(id, w.owner, "Olivia Owner", "From a dead node", false,
                    false, Announcement.Status.QUEUED, 2, 0, null, w.clock.instant().truncatedTo(ChronoUnit.MICROS),
                    lease));
            tx.announcements().addTargets(id, List.of(w.acme, w.solo));
            return null;
        });
        return id;
    }

    /**
     * Claims as {@code owner} and answers what it claimed in this test's tenant. Announcements of other tenants it
     * claimed (other tests', still being delivered) are released at once, so their nodes take them back.
     */
    private List<AnnouncementId> claim(ContractFixture w, String owner, Instant now, Instant leaseUntil) {
        List<AnnouncementId> ours = new ArrayList<>();
        for (PendingAnnouncement claimed : store().claimAnnouncements(owner, now, leaseUntil, 100)) {
            if (claimed.tenantId().equals(w.messaging.tenantId())) {
                ours.add(claimed.id());
            } else {
                store().inTransaction(claimed.tenantId(), tx -> {
                    tx.announcements().lock(claimed.id()).ifPresent(r -> tx.announcements().update(r.withLease(null)));
                    return null;
                });
            }
        }
        return ours;
    }

    private AnnouncementLease lease(ContractFixture w, AnnouncementId id) {
        return store().read(w.messaging.tenantId(), tx -> tx.announcements().find(id).orElseThrow().lease());
    }

    private static void assertExactlyOneDeliveredEvent(List<AnnouncementDelivered> events, AnnouncementId id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                .anyMatch(e -> e.announcementId().equals(id)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> events.stream()
                .filter(e -> e.announcementId().equals(id)).count() == 1);
    }

    static Announcement awaitDelivered(ContractFixture w, AnnouncementId id) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> w.messaging.announcements().get(w.owner, id),
                        a -> a.status() == Announcement.Status.DELIVERED);
    }
}

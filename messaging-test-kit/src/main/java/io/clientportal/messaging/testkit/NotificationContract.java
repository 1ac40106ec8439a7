package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Notification;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.NotificationClaim;
import io.clientportal.messaging.spi.NotificationRow;
import io.clientportal.messaging.spi.NotificationSender;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unread-message notifications on the store under test: due rows written with the post, claimed with a lease so
 * that one node sends, cleared after the send; through the engine, what a person is told and when.
 */
public abstract class NotificationContract extends Contract {

    /** The store the world runs on, for its notification rows and claims. */
    protected abstract MessagingStore store();

    /**
     * Another engine over the world's store and clock (another node) with {@code sender} and these settings, whose
     * own poll never runs within a test ({@link Messaging#notifications()}'s {@code sendDue} drives it).
     */
    protected abstract Messaging nodeWithNotifications(NotificationSender sender, NotificationSettings settings);

    static final NotificationSettings SETTINGS = NotificationSettings.defaults()
            .withScheduling(Duration.ofMinutes(2), Duration.ofHours(1));

    /** What a node's sender got, of this world's tenant only (rows of other tests' tenants may come due too). */
    static final class Recorder implements NotificationSender {
        final String tenantId;
        final List<Notification> sent = new CopyOnWriteArrayList<>();

        Recorder(String tenantId) {
            this.tenantId = tenantId;
        }

        @Override
        public void send(Notification notification) {
            if (notification.tenantId().equals(tenantId)) {
                sent.add(notification);
            }
        }

        List<Actor> recipients() {
            return sent.stream().map(n -> n.recipient().actor()).toList();
        }

        List<Actor> clients() {
            return recipients().stream().filter(actor -> !actor.isTeamMember()).toList();
        }
    }

    // --- the store's rows ------------------------------------------------------------------------------------

    @Test
    void scheduleKeepsTheFirstDueTimeAndClaimsTakeOnlyDueRowsWithALease() {
        var w = world();
        String tenant = w.messaging.tenantId();
        Actor someone = Actor.clientUser("n-" + java.util.UUID.randomUUID());
        Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
        store().inTransaction(tenant, tx -> {
            tx.notifications().schedule(someone, t0.plusSeconds(60));
            tx.notifications().schedule(someone, t0.plusSeconds(600));   // later post: the due time stays
            return null;
        });
        assertThat(row(tenant, someone).dueAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(claimsOf(store().claimNotifications("a", t0.plusSeconds(59), t0.plusSeconds(180), 100), tenant))
                .isEmpty();
        assertThat(claimsOf(store().claimNotifications("a", t0.plusSeconds(60), t0.plusSeconds(180), 100), tenant))
                .containsExactly(new NotificationClaim(tenant, someone));
        assertThat(row(tenant, someone).leasedBy("a")).isTrue();
        // Leased: another node does not take it until the lease ran out, then it does.
        assertThat(claimsOf(store().claimNotifications("b", t0.plusSeconds(179), t0.plusSeconds(300), 100), tenant))
                .isEmpty();
        assertThat(claimsOf(store().claimNotifications("b", t0.plusSeconds(180), t0.plusSeconds(300), 100), tenant))
                .containsExactly(new NotificationClaim(tenant, someone));
        assertThat(row(tenant, someone).leaseOwner()).isEqualTo("b");
    }

    @Test
    void aSavedRowIsReadBackAsWrittenAndAClearedOneIsNeverClaimed() {
        var w = world();
        String tenant = w.messaging.tenantId();
        Actor someone = Actor.teamMember("n-" + java.util.UUID.randomUUID());
        Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
        NotificationRow written = new NotificationRow(someone, null, t0, t0.minusSeconds(5), 0, null, null,
                NotificationPreferences.digest(6));
        store().inTransaction(tenant, tx -> {
            tx.notifications().save(written);
            return null;
        });
        assertThat(row(tenant, someone)).isEqualTo(written);
        Optional<NotificationRow> locked = store().inTransaction(tenant, tx -> tx.notifications().lock(someone));
        assertThat(locked).contains(written);
        assertThat(claimsOf(store().claimNotifications("a", t0.plusSeconds(10_000), t0.plusSeconds(20_000), 100),
                tenant)).doesNotContain(new NotificationClaim(tenant, someone));
        store().inTransaction(tenant, tx -> {
            tx.notifications().schedule(someone, t0.plusSeconds(60));
            return null;
        });
        assertThat(row(tenant, someone)).isEqualTo(new NotificationRow(someone, t0.plusSeconds(60), t0,
                t0.minusSeconds(5), 0, null, null, NotificationPreferences.digest(6)));
    }

    @Test
    void anAnnouncementChunkSchedulesTheClientUsersOfItsConversationsKeepingPendingDueTimes() {
        var w = world();
        String tenant = w.messaging.tenantId();
        Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
        boolean setBased = store().inTransaction(tenant, tx -> {
            tx.notifications().schedule(w.alice, t0.plusSeconds(60));
            return tx.notifications().scheduleClientsOf(List.of(w.acme, w.other), t0.plusSeconds(600));
        });
        if (!setBased) {
            return;   // the store leaves it to the core, one by one (the announcement test covers that)
        }
        assertThat(row(tenant, w.alice).dueAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(row(tenant, w.bob).dueAt()).isEqualTo(t0.plusSeconds(600));
        assertThat(row(tenant, w.olga).dueAt()).isEqualTo(t0.plusSeconds(600));
        Optional<NotificationRow> ivan = store().read(tenant, tx -> tx.notifications().find(w.ivan));
        assertThat(ivan).isEmpty();
    }

    @Test
    void aRolledBackPostLeavesNoDueRow() {
        var w = world();
        String tenant = w.messaging.tenantId();
        Actor someone = Actor.clientUser("n-" + java.util.UUID.randomUUID());
        try {
            store().inTransaction(tenant, tx -> {
                tx.notifications().schedule(someone, Instant.parse("2001-01-01T00:00:00Z"));
                throw new IllegalStateException("rolled back");
            });
        } catch (RuntimeException expected) {
            // the unit rolled back (a store may wrap what the work threw)
        }
        Optional<NotificationRow> none = store().read(tenant, tx -> tx.notifications().find(someone));
        assertThat(none).isEmpty();
    }

    // --- through the engine ----------------------------------------------------------------------------------

    @Test
    void aMessageUnreadForTheDelayIsToldOnceToTheClientUsersAndParticipantsButItsAuthor() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.agent, w.acme, sanitized("Your documents are ready"));
            w.clock.advance(SETTINGS.clientDelay().minusSeconds(1));
            assertThat(tenant.notifications().sendDue()).isZero();
            w.clock.advance(Duration.ofSeconds(1));
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).containsExactlyInAnyOrder(w.alice, w.bob);
            Notification toAlice = recorder.sent.stream().filter(n -> n.recipient().actor().equals(w.alice))
                    .findFirst().orElseThrow();
            assertThat(toAlice.recipient().displayName()).isEqualTo("Alice");
            assertThat(toAlice.conversations()).singleElement().satisfies(c -> {
                assertThat(c.conversationId()).isEqualTo(w.acme);
                assertThat(c.unreadCount()).isEqualTo(1);
                assertThat(c.newest()).singleElement().satisfies(m -> {
                    assertThat(m.authorName()).isEqualTo("Aiden Agent");
                    assertThat(m.text()).contains("Your documents are ready");
                });
            });
            // The other participants (not the author; never a non-participating owner) after the team's delay.
            w.clock.advance(SETTINGS.teamDelay());
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).containsExactlyInAnyOrder(w.alice, w.bob, w.readOnlyAgent, w.watcher);
            w.clock.advance(Duration.ofHours(1));
            assertThat(tenant.notifications().sendDue()).isZero();
        }
    }

    @Test
    void anInternalNoteNeverMakesAClientDueNorShowsInTheirNotificationButTheTeamIsTold() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.agent, w.acme, NewMessage.note("client is late paying: chase"));
            w.clock.advance(SETTINGS.clientDelay().plus(SETTINGS.teamDelay()));
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).doesNotContain(w.alice, w.bob)
                    .contains(w.readOnlyAgent, w.watcher);

            tenant.messages().post(w.agent, w.acme, sanitized("Your invoice"));
            tenant.messages().post(w.agent, w.acme, NewMessage.note("second note, still secret"));
            w.clock.advance(SETTINGS.clientDelay().plus(SETTINGS.interval()));
            tenant.notifications().sendDue();
            Notification toAlice = recorder.sent.stream().filter(n -> n.recipient().actor().equals(w.alice))
                    .findFirst().orElseThrow();
            assertThat(toAlice.conversations()).singleElement().satisfies(c -> {
                assertThat(c.unreadCount()).isEqualTo(1);
                assertThat(c.newest()).singleElement().satisfies(m -> assertThat(m.text()).contains("Your invoice"));
            });
            assertThat(recorder.sent.stream().filter(n -> !n.recipient().actor().isTeamMember())
                    .flatMap(n -> n.conversations().stream()).flatMap(c -> c.newest().stream())
                    .map(m -> m.text().orElse("")))
                    .noneMatch(text -> text.contains("secret") || text.contains("chase"));
        }
    }

    @Test
    void aMentionedManagerWhoTakesNoPartIsToldOfThatConversationAndOtherManagersAreNot() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.agent, w.acme, NewMessage.note("@Mona Manager can you approve?")
                    .withMentions(w.manager.id()));
            w.clock.advance(SETTINGS.teamDelay().plus(SETTINGS.clientDelay()));
            tenant.notifications().sendDue();
            Notification toManager = recorder.sent.stream().filter(n -> n.recipient().actor().equals(w.manager))
                    .findFirst().orElseThrow();
            assertThat(toManager.conversations()).singleElement()
                    .satisfies(c -> assertThat(c.conversationId()).isEqualTo(w.acme));
            assertThat(recorder.recipients()).doesNotContain(w.owner, w.admin, w.alice, w.bob);

            // Read in time, a mention tells nothing.
            tenant.messages().post(w.agent, w.acme, NewMessage.text("@Mona Manager again").withMentions("manager"));
            Message last = tenant.messages().history(w.manager, w.acme, HistoryQuery.latest(1)).items().get(0);
            tenant.messages().markRead(w.manager, w.acme, last.seq());
            w.clock.advance(SETTINGS.teamDelay().plus(SETTINGS.interval()));
            tenant.notifications().sendDue();
            assertThat(recorder.sent.stream().filter(n -> n.recipient().actor().equals(w.manager))).hasSize(1);
        }
    }

    @Test
    void readInTimeNothingIsSentAndASecondPostWithinTheIntervalWaitsForIt() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            var first = tenant.messages().post(w.ivan, w.solo, sanitized("hello"));
            tenant.messages().post(w.owner, w.solo, sanitized("hi ivan"));
            // ivan reads the answer in time: nothing for him (the team is not a participant of solo).
            tenant.messages().markRead(w.ivan, w.solo, first.seq() + 1);
            w.clock.advance(SETTINGS.clientDelay().plusSeconds(1));
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).doesNotContain(w.ivan);

            tenant.messages().post(w.agent, w.acme, sanitized("one"));
            w.clock.advance(SETTINGS.clientDelay());
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).containsOnlyOnce(w.alice);
            tenant.messages().post(w.agent, w.acme, sanitized("two"));
            w.clock.advance(SETTINGS.clientDelay());
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).containsOnlyOnce(w.alice);   // within the interval: it waits
            w.clock.advance(SETTINGS.interval());
            tenant.notifications().sendDue();
            List<Notification> toAlice = recorder.sent.stream()
                    .filter(n -> n.recipient().actor().equals(w.alice)).toList();
            assertThat(toAlice).hasSize(2);
            // The second covers what is new since the first, and says how many wait in all.
            assertThat(toAlice.get(1).conversations()).singleElement().satisfies(c -> {
                assertThat(c.unreadCount()).isEqualTo(2);
                assertThat(c.newest().get(c.newest().size() - 1).text()).contains("two");
            });
            assertThat(toAlice.get(1).id()).isNotEqualTo(toAlice.get(0).id());
        }
    }

    @Test
    void twoNodesSendOneNotificationAndARestartDuringTheDelaySendsItOnce() {
        var w = world();
        Recorder first = new Recorder(w.messaging.tenantId());
        Recorder second = new Recorder(w.messaging.tenantId());
        try (Messaging a = nodeWithNotifications(first, SETTINGS)) {
            a.tenant(w.messaging.tenantId()).messages().post(w.owner, w.other, sanitized("for olga"));
        }   // the node that posted stops during the delay
        try (Messaging b = nodeWithNotifications(first, SETTINGS);
             Messaging c = nodeWithNotifications(second, SETTINGS)) {
            w.clock.advance(SETTINGS.clientDelay());
            var sends = List.of(b, c).parallelStream()
                    .mapToInt(node -> node.tenant(w.messaging.tenantId()).notifications().sendDue()).sum();
            assertThat(first.recipients().size() + second.recipients().size()).isEqualTo(1);
            assertThat(sends).isEqualTo(1);
            w.clock.advance(Duration.ofHours(1));
            b.notifications().sendDue();
            c.notifications().sendDue();
            assertThat(first.recipients().size() + second.recipients().size()).isEqualTo(1);
        }
    }

    @Test
    void aCrashAfterTheClaimSendsAgainAfterTheLeaseWithTheSameId() {
        var w = world();
        String tenant = w.messaging.tenantId();
        Recorder recorder = new Recorder(tenant);
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            node.tenant(tenant).messages().post(w.owner, w.other, sanitized("for olga"));
            w.clock.advance(SETTINGS.clientDelay());
            // A node that died right after its claim: the row stays leased by it.
            Instant now = w.clock.instant();
            assertThat(claimsOf(store().claimNotifications("dead-node", now, now.plus(SETTINGS.lease()), 1000),
                    tenant)).contains(new NotificationClaim(tenant, w.olga));
            node.notifications().sendDue();
            assertThat(recorder.sent).isEmpty();
            w.clock.advance(SETTINGS.lease());
            node.notifications().sendDue();
            assertThat(recorder.recipients()).containsExactly(w.olga);
            assertThat(row(tenant, w.olga).dueAt()).isNull();
            assertThat(row(tenant, w.olga).lastSentAt()).isNotNull();
        }
    }

    @Test
    void aFailingSenderIsRetriedWithTheSameIdAndDoesNotStopTheOthers() {
        var w = world();
        String tenant = w.messaging.tenantId();
        Recorder recorder = new Recorder(tenant);
        List<Notification> failed = new CopyOnWriteArrayList<>();
        NotificationSender both = notification -> {
            recorder.send(notification);
            if (notification.tenantId().equals(tenant) && failed.isEmpty()) {
                failed.add(notification);
                throw new IllegalStateException("SMS gateway down");
            }
        };
        try (Messaging node = nodeWithNotifications(both, SETTINGS)) {
            node.tenant(tenant).messages().post(w.owner, w.other, sanitized("for olga"));
            w.clock.advance(SETTINGS.clientDelay());
            node.notifications().sendDue();
            assertThat(failed).hasSize(1);
            w.clock.advance(Duration.ofMinutes(5));
            node.notifications().sendDue();
            assertThat(recorder.sent).hasSize(2);
            assertThat(recorder.sent.get(1).id()).isEqualTo(recorder.sent.get(0).id());
            assertThat(row(tenant, w.olga).dueAt()).isNull();
        }
    }

    @Test
    void preferencesDecideAndAnUnknownActorGetsNotFoundAndChangesNothing() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            assertThat(tenant.notifications().preferences(w.alice)).isEqualTo(NotificationPreferences.defaults());
            tenant.notifications().setPreferences(w.alice, NotificationPreferences.off());
            tenant.notifications().setPreferences(w.bob, NotificationPreferences.digest(24));
            assertThat(tenant.notifications().preferences(w.bob)).isEqualTo(NotificationPreferences.digest(24));
            assertThatThrownBy(() -> tenant.notifications().setPreferences(w.ghost, NotificationPreferences.off()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> tenant.notifications().preferences(w.stranger))
                    .isInstanceOf(NotFoundException.class);
            Optional<NotificationRow> none = store().read(tenant.tenantId(), tx -> tx.notifications().find(w.ghost));
            assertThat(none).isEmpty();

            tenant.messages().post(w.agent, w.acme, sanitized("one"));
            w.clock.advance(SETTINGS.clientDelay());
            tenant.notifications().sendDue();
            assertThat(recorder.clients()).containsExactly(w.bob);   // alice turned them off
            tenant.messages().post(w.agent, w.acme, sanitized("two"));
            w.clock.advance(Duration.ofHours(23));
            tenant.notifications().sendDue();
            assertThat(recorder.clients()).containsExactly(w.bob);   // bob's digest: a day after the last
            w.clock.advance(Duration.ofHours(1));
            tenant.notifications().sendDue();
            assertThat(recorder.clients()).containsExactly(w.bob, w.bob);
        }
    }

    @Test
    void announcementsNotifyTheirTargetsClientUsersUnlessTurnedOff() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            var sent = tenant.announcements().send(w.owner,
                    io.clientportal.messaging.model.NewAnnouncement.toAllClients("Office closed on Friday"));
            AnnouncementContract.awaitDelivered(w, sent.id());
            w.clock.advance(SETTINGS.clientDelay());
            tenant.notifications().sendDue();
            assertThat(recorder.recipients()).containsExactlyInAnyOrder(w.alice, w.bob, w.ivan, w.olga);
        }
        var v = world();
        Recorder quiet = new Recorder(v.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(quiet, SETTINGS.withAnnouncements(false))) {
            Messaging tenant = node.tenant(v.messaging.tenantId());
            var sent = tenant.announcements().send(v.owner,
                    io.clientportal.messaging.model.NewAnnouncement.toAllClients("Office closed on Friday"));
            AnnouncementContract.awaitDelivered(v, sent.id());
            v.clock.advance(SETTINGS.clientDelay());
            tenant.notifications().sendDue();
            assertThat(quiet.sent).isEmpty();
        }
    }

    @Test
    void withoutMessageTextOnlyWhoWroteAndHowManyWait() {
        var w = world();
        Recorder recorder = new Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS.withMessageText(false))) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.owner, w.other, sanitized("your diagnosis"));
            w.clock.advance(SETTINGS.clientDelay());
            tenant.notifications().sendDue();
            assertThat(recorder.sent).singleElement().satisfies(n -> {
                assertThat(n.unreadTotal()).isEqualTo(1);
                assertThat(n.conversations().get(0).newest()).singleElement().satisfies(m -> {
                    assertThat(m.authorName()).isEqualTo("Olivia Owner");
                    assertThat(m.text()).isEmpty();
                });
            });
        }
    }

    private static io.clientportal.messaging.model.NewMessage sanitized(String text) {
        return io.clientportal.messaging.model.NewMessage.text(text);
    }

    private NotificationRow row(String tenant, Actor recipient) {
        Optional<NotificationRow> row = store().read(tenant, tx -> tx.notifications().find(recipient));
        return row.orElseThrow();
    }

    private static List<NotificationClaim> claimsOf(List<NotificationClaim> claims, String tenant) {
        return claims.stream().filter(c -> c.tenantId().equals(tenant)).toList();
    }
}

package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Notification;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.NotificationSender;
import io.clientportal.messaging.spi.ReminderClaim;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up reminders on the store under test: a client who leaves the team's last message unanswered for the
 * settings' time gets one reminder, through the notification senders, and the team sees an internal note of it;
 * a client's answer cancels it; one node sends it; a node that dies after claiming it is replaced after its lease.
 */
public abstract class ReminderContract extends Contract {

    /** The store the world runs on, for its reminder claims. */
    protected abstract MessagingStore store();

    /**
     * Another engine over the world's store and clock (another node) with {@code sender} and these settings, whose
     * own poll never runs within a test ({@link Messaging#notifications()}'s {@code sendDue} drives it).
     */
    protected abstract Messaging nodeWithNotifications(NotificationSender sender, NotificationSettings settings);

    static final Duration AFTER = Duration.ofDays(3);
    static final NotificationSettings SETTINGS = NotificationSettings.defaults()
            .withScheduling(Duration.ofMinutes(2), Duration.ofHours(1)).withReminders(AFTER);

    private static List<Notification> reminders(NotificationContract.Recorder recorder) {
        return recorder.sent.stream().filter(Notification::reminder).toList();
    }

    private static List<Message> notes(ContractFixture w, Actor actor) {
        return w.messaging.messages().history(actor, w.acme, HistoryQuery.latest(50)).items().stream()
                .filter(Message::internal).toList();
    }

    /** What a client can observe of its conversation, to compare before and after the reminder's note. */
    private record ClientView(List<Message> history, long lastSeq, Object inboxRow, long unread) {
    }

    private static ClientView clientView(ContractFixture w, Actor client) {
        return new ClientView(w.messaging.messages().history(client, w.acme, HistoryQuery.latest(50)).items(),
                w.messaging.conversations().get(client, w.acme).lastSeq(),
                w.messaging.conversations().inbox(client, InboxQuery.first(10)).items().get(0),
                w.messaging.messages().unreadTotal(client));
    }

    @Test
    void aClientWhoLeavesTheTeamsMessageUnansweredIsRemindedOnceAndTheTeamSeesANoteTheClientNever() {
        var w = world();
        var recorder = new NotificationContract.Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            Message asked = tenant.messages().post(w.agent, w.acme, sanitized("Please sign the engagement letter"));
            w.clock.advance(AFTER.minusSeconds(1));
            tenant.notifications().sendDue();
            assertThat(reminders(recorder)).isEmpty();
            ClientView before = clientView(w, w.alice);
            w.clock.advance(Duration.ofSeconds(1));
            tenant.notifications().sendDue();
            assertThat(reminders(recorder)).extracting(n -> n.recipient().actor())
                    .containsExactlyInAnyOrder(w.alice, w.bob);
            assertThat(reminders(recorder)).allSatisfy(n -> assertThat(n.conversations()).singleElement()
                    .satisfies(c -> {
                        assertThat(c.conversationId()).isEqualTo(w.acme);
                        assertThat(c.newest()).singleElement().satisfies(m -> {
                            assertThat(m.id()).isEqualTo(asked.id());
                            assertThat(m.authorName()).isEqualTo("Aiden Agent");
                            assertThat(m.text()).contains("Please sign the engagement letter");
                        });
                    }));
            // The team sees it in the timeline, as a note by the member who wrote the unanswered message.
            assertThat(notes(w, w.watcher)).singleElement().satisfies(note -> {
                assertThat(note.author()).isEqualTo(w.agent);
                assertThat(note.text()).startsWith("Reminder sent to ").contains("Alice");
            });
            // The client: no trace of it (history, seqs, inbox, counts).
            assertThat(clientView(w, w.alice)).isEqualTo(before);
            assertThat(notes(w, w.alice)).isEmpty();
            // One reminder per unanswered message, however long it stays unanswered.
            w.clock.advance(AFTER.multipliedBy(3));
            tenant.notifications().sendDue();
            assertThat(reminders(recorder)).hasSize(2);
            assertThat(notes(w, w.watcher)).hasSize(1);
            // The team's next message asks again.
            tenant.messages().post(w.agent, w.acme, sanitized("A friendly nudge"));
            w.clock.advance(AFTER);
            tenant.notifications().sendDue();
            assertThat(reminders(recorder)).hasSize(4);
            assertThat(notes(w, w.watcher)).hasSize(2);
            drain(w, tenant);
        }
    }

    @Test
    void aClientsAnswerCancelsTheReminderAndANoteNeverSchedulesOne() {
        var w = world();
        var recorder = new NotificationContract.Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(recorder, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.agent, w.acme, sanitized("Please sign the engagement letter"));
            w.clock.advance(Duration.ofDays(1));
            tenant.messages().post(w.bob, w.acme, sanitized("Signed, see attached"));
            tenant.messages().post(w.agent, w.acme, NewMessage.note("check the signature"));
            w.clock.advance(AFTER.multipliedBy(2));
            tenant.notifications().sendDue();
            assertThat(reminders(recorder)).isEmpty();
            assertThat(notes(w, w.watcher)).extracting(Message::text).containsExactly("check the signature");
            drain(w, tenant);
        }
    }

    @Test
    void noReminderWhileRemindersAreOffNorToAClientWhoTurnedNotificationsOff() {
        var w = world();
        var off = new NotificationContract.Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(off, SETTINGS.withReminders(null))) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.messages().post(w.agent, w.acme, sanitized("Please sign the engagement letter"));
            w.clock.advance(AFTER.multipliedBy(2));
            tenant.notifications().sendDue();
            assertThat(reminders(off)).isEmpty();
            assertThat(notes(w, w.watcher)).isEmpty();
            drain(w, tenant);
        }
        var on = new NotificationContract.Recorder(w.messaging.tenantId());
        try (Messaging node = nodeWithNotifications(on, SETTINGS)) {
            Messaging tenant = node.tenant(w.messaging.tenantId());
            tenant.notifications().setPreferences(w.bob, NotificationPreferences.off());
            tenant.messages().post(w.agent, w.acme, sanitized("Still waiting for the letter"));
            w.clock.advance(AFTER);
            tenant.notifications().sendDue();
            assertThat(reminders(on)).extracting(n -> n.recipient().actor()).containsExactly(w.alice);
            assertThat(notes(w, w.watcher)).singleElement().satisfies(note ->
                    assertThat(note.text()).contains("Alice").doesNotContain("Bob"));
            drain(w, tenant);
        }
    }

    @Test
    void twoNodesSendOneReminderAndANodeThatDiedAfterClaimingIsReplacedAfterItsLease() {
        var w = world();
        var first = new NotificationContract.Recorder(w.messaging.tenantId());
        var second = new NotificationContract.Recorder(w.messaging.tenantId());
        try (Messaging a = nodeWithNotifications(first, SETTINGS);
             Messaging b = nodeWithNotifications(second, SETTINGS)) {
            String tenantId = w.messaging.tenantId();
            a.tenant(tenantId).messages().post(w.agent, w.acme, sanitized("Please sign the engagement letter"));
            w.clock.advance(AFTER);
            a.tenant(tenantId).notifications().sendDue();
            b.tenant(tenantId).notifications().sendDue();
            assertThat(reminders(first).size() + reminders(second).size()).isEqualTo(2);
            assertThat(notes(w, w.watcher)).hasSize(1);

            // A node claims the next one and dies: nobody sends it until its lease ran out, then one node does.
            a.tenant(tenantId).messages().post(w.agent, w.acme, sanitized("A friendly nudge"));
            w.clock.advance(AFTER);
            Instant now = w.clock.instant();
            List<ReminderClaim> dead = store().claimReminders("dead-node", now, now.plus(SETTINGS.lease()), 1000);
            assertThat(dead).contains(new ReminderClaim(tenantId, w.acme));
            a.tenant(tenantId).notifications().sendDue();
            assertThat(reminders(first).size() + reminders(second).size()).isEqualTo(2);
            w.clock.advance(SETTINGS.lease());
            b.tenant(tenantId).notifications().sendDue();
            a.tenant(tenantId).notifications().sendDue();
            assertThat(reminders(first).size() + reminders(second).size()).isEqualTo(4);
            assertThat(notes(w, w.watcher)).hasSize(2);
            drain(w, a.tenant(tenantId));
        }
    }

    /**
     * Sends what this test left due (the notes' notifications to the team, say): the clock is the suite's, so a
     * row left due would be sent in a later test and count there.
     */
    private static void drain(ContractFixture w, Messaging tenant) {
        for (int i = 0; i < 4; i++) {
            w.clock.advance(Duration.ofHours(1));
            tenant.notifications().sendDue();
        }
    }

    private static NewMessage sanitized(String text) {
        return NewMessage.text(text);
    }
}

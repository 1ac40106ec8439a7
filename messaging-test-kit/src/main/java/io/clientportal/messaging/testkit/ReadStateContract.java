package io.clientportal.messaging.testkit;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Read horizons and unread counts. */
public abstract class ReadStateContract extends Contract {

    @Test
    void unreadCountsOthersMessagesAfterTheHorizon() {
        var w = world();
        w.post(w.alice, w.acme, "1");
        w.post(w.bob, w.acme, "2");
        w.post(w.agent, w.acme, "3");

        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(2);
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isEqualTo(1);
        // Posting moved the agent's horizon past everything before its message.
        assertThat(w.messaging.messages().unreadTotal(w.agent)).isZero();
        assertThat(w.messaging.messages().unreadTotal(w.watcher)).isEqualTo(3);
        assertThat(w.messaging.messages().unreadTotal(w.outsider)).isZero();
    }

    @Test
    void postingMovesThePostersHorizon() {
        var w = world();
        w.post(w.alice, w.acme, "1");
        w.post(w.alice, w.acme, "2");
        w.post(w.agent, w.acme, "3");

        assertThat(w.messaging.messages().unreadTotal(w.agent)).isZero();
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(1);
    }

    @Test
    void theHorizonOnlyMovesForwardAndNeverPastTheLastMessage() {
        var w = world();
        for (int i = 0; i < 5; i++) {
            w.post(w.alice, w.acme, "m" + i);
        }
        w.messaging.messages().markRead(w.agent, w.acme, 4);
        assertThat(w.messaging.messages().unreadTotal(w.agent)).isEqualTo(1);
        w.messaging.messages().markRead(w.agent, w.acme, 2);
        assertThat(w.messaging.messages().unreadTotal(w.agent)).isEqualTo(1);
        w.messaging.messages().markRead(w.agent, w.acme, 999);
        assertThat(w.messaging.messages().unreadTotal(w.agent)).isZero();
        w.post(w.bob, w.acme, "new");
        assertThat(w.messaging.messages().unreadTotal(w.agent)).isEqualTo(1);
    }

    @Test
    void deletedMessagesAreNotUnread() {
        var w = world();
        Message gone = w.post(w.alice, w.acme, "oops");
        w.post(w.alice, w.acme, "kept");
        w.messaging.messages().delete(w.alice, gone.id());

        assertThat(w.messaging.messages().unreadTotal(w.agent)).isEqualTo(1);
        assertThat(w.messaging.conversations().inbox(w.agent, InboxQuery.first(5)).items().get(0).unreadCount())
                .isEqualTo(1);
    }

    @Test
    void readOnlyParticipantsAndClientsMarkRead() {
        var w = world();
        w.post(w.agent, w.acme, "hi");
        w.messaging.messages().markRead(w.watcher, w.acme, 1);
        w.messaging.messages().markRead(w.bob, w.acme, 1);

        assertThat(w.messaging.messages().unreadTotal(w.watcher)).isZero();
        assertThat(w.messaging.messages().unreadTotal(w.bob)).isZero();
        assertThat(w.messaging.messages().unreadTotal(w.alice)).isEqualTo(1);
    }

    @Test
    void unreadTotalsSpanEveryConversationTheActorSees() {
        var w = world();
        w.post(w.alice, w.acme, "a");
        w.post(w.ivan, w.solo, "s");
        w.post(w.olga, w.other, "o");

        assertThat(w.messaging.messages().unreadTotal(w.owner)).isEqualTo(3);
        assertThat(w.messaging.messages().unreadTotal(w.agent)).isEqualTo(1);
        assertThat(w.messaging.messages().unreadTotal(w.ivan)).isZero();
    }

    @Test
    void aNegativeSeqIsRejected() {
        var w = world();
        assertThatThrownBy(() -> w.messaging.messages().markRead(w.agent, w.acme, -1))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("seq"));
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signals between instances on one PostgreSQL, watched from a plain connection that LISTENs on the store's
 * channel as another instance would: a lone instance sends no NOTIFY for its commits; once another greets it on the
 * channel it answers and signals every commit after that.
 */
class PostgresCommitSignalsTests {

    private static final Actor OWNER = Actor.teamMember("owner");

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;
    private Messaging node;
    private Connection peer;
    private String channel;
    private final List<PGNotification> heard = new ArrayList<>();

    @BeforeEach
    void start() throws SQLException {
        database = TestDatabases.postgres();
        store = JpaMessagingStore.create(database.dataSource());
        node = Messaging.builder().store(store).eventPollInterval(Duration.ofSeconds(10)).build();
        node.directory().upsertTeamMember("owner", "Owner", TeamRole.OWNER);
        peer = database.anotherPool("peer").getConnection();
        peer.setAutoCommit(true);
        try (Statement statement = peer.createStatement();
             ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
            schema.next();
            channel = "messaging_events." + schema.getString(1);
        }
        try (Statement statement = peer.createStatement()) {
            statement.execute("LISTEN \"" + channel + "\"");
        }
    }

    @AfterEach
    void stop() throws SQLException {
        peer.close();
        node.close();
        store.close();
        database.close();
    }

    @Test
    void aLoneInstanceSignalsNothingUntilAnotherGreetsItThenSignalsItsCommits() throws Exception {
        ConversationId id = node.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
        for (int i = 0; i < 20; i++) {
            node.messages().post(OWNER, id, NewMessage.text("alone " + i));
        }

        say("hello");
        int peerProcess = peer.unwrap(PGConnection.class).getBackendPID();
        await().atMost(Duration.ofSeconds(10)).until(() -> heardFromNode(peerProcess, "here"));
        // Notifications reach a listener in commit order: a signal for the posts above would precede the answer.
        assertThat(heard).filteredOn(n -> n.getPID() != peerProcess)
                .extracting(PGNotification::getParameter)
                .contains("here").doesNotContain("");

        node.messages().post(OWNER, id, NewMessage.text("now someone listens"));

        await().atMost(Duration.ofSeconds(10)).until(() -> heardFromNode(peerProcess, ""));
    }

    @Test
    void aListenerWhoseConnectionIsKilledListensAgainGreetsAndItsNodeKeepsSignalling() throws Exception {
        ConversationId id = node.directory().createClientAccount("fault", "Fault", AccountKind.INDIVIDUAL).id();
        int peerProcess = peer.unwrap(PGConnection.class).getBackendPID();
        say("hello");
        await().atMost(Duration.ofSeconds(10)).until(() -> heardFromNode(peerProcess, "here"));
        // The answer comes from the node's listening connection: that is the server process to kill.
        int listener = heard.stream().filter(n -> n.getPID() != peerProcess && "here".equals(n.getParameter()))
                .findFirst().orElseThrow().getPID();
        try (PreparedStatement kill = peer.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            kill.setInt(1, listener);
            kill.execute();
        }
        heard.clear();

        await().atMost(Duration.ofSeconds(20)).until(() -> heardFromNode(peerProcess, "hello"));
        assertThat(heard).filteredOn(n -> "hello".equals(n.getParameter()) && n.getPID() != peerProcess)
                .extracting(PGNotification::getPID).doesNotContain(listener);
        node.messages().post(OWNER, id, NewMessage.text("after the listener came back"));
        await().atMost(Duration.ofSeconds(10)).until(() -> heardFromNode(peerProcess, ""));
    }

    @Test
    void anInstanceGreetsTheChannelWhenItStartsListening() throws Exception {
        JpaMessagingStore second = JpaMessagingStore.create(database.anotherPool("second"));
        Messaging secondNode = Messaging.builder().store(second).eventPollInterval(Duration.ofSeconds(10)).build();
        try {
            int peerProcess = peer.unwrap(PGConnection.class).getBackendPID();
            await().atMost(Duration.ofSeconds(10)).until(() -> heardFromNode(peerProcess, "hello"));
        } finally {
            secondNode.close();
            second.close();
        }
    }

    /** Says {@code word} on the channel from the peer's connection, as another instance's listener would. */
    private void say(String word) throws SQLException {
        try (PreparedStatement statement = peer.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, channel);
            statement.setString(2, word);
            statement.execute();
        }
    }

    /** Reads what arrived on the peer's connection; whether any of it, not the peer's own, says {@code payload}. */
    private boolean heardFromNode(int peerProcess, String payload) throws SQLException {
        PGNotification[] arrived = peer.unwrap(PGConnection.class).getNotifications(100);
        if (arrived != null) {
            heard.addAll(List.of(arrived));
        }
        return heard.stream().anyMatch(n -> n.getPID() != peerProcess && payload.equals(n.getParameter()));
    }
}

package io.clientportal.messaging.jpa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wakes the relays of every instance on one PostgreSQL database with LISTEN/NOTIFY. {@link #signal()} sends one
 * {@code NOTIFY} on its own connection, outside any unit of work, and coalesces: signals that arrive while one is
 * being sent, or in the short rest after it, are covered by a single next one. It sends nothing while no other
 * instance listens ({@link PeerPresence}: listeners greet each other on the channel), so a lone instance spends no
 * database transaction per commit on a signal nobody hears. {@link #listen} holds one connection per listener that
 * LISTENs on the channel of this schema; a single listener skips the signals of this instance (its engine woke its
 * own relay when it committed), so a node's own commits do not wake its relay twice. Polling stays the fallback: a
 * lost notification only delays events until the next poll. The PostgreSQL driver is reached by reflection, so the
 * store needs it only at run time.
 */
final class PostgresCommitSignals implements AutoCloseable {

    /** Borrows and returns raw connections (autocommit is set by this class). */
    interface Connections {
        Connection get() throws SQLException;

        void release(Connection connection) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresCommitSignals.class);
    private static final int WAIT_MILLIS = 500;
    /**
     * How long the sender rests after each NOTIFY: the commits of that moment share the next one (one per commit
     * cost the database a round trip and a wake-up of every listener per post); other instances hear of a commit
     * at most this much later.
     */
    private static final long COALESCE_MILLIS = 2;
    /** A listener's greeting when it starts listening: every other listener answers with {@link #HERE}. */
    static final String HELLO = "hello";
    /** A listener's answer to a greeting, and its heartbeat; commit signals carry an empty payload. */
    static final String HERE = "here";

    private final Connections connections;
    private final String channel;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "messaging-notify");
        thread.setDaemon(true);
        return thread;
    });
    private Connection notifyConnection;
    /**
     * The server process of {@link #notifyConnection} (0 until known): a listener of this instance ignores the
     * notifications it sent, since this instance's relay was woken in-process for those commits already.
     */
    private volatile int notifyProcess;
    /** Listeners open: with more than one (two engines on this store), each must hear the other's signals. */
    private final AtomicInteger listeners = new AtomicInteger();
    /** The server processes of this store's listening connections: what they say is not another instance's. */
    private final Set<Integer> listenProcesses = ConcurrentHashMap.newKeySet();
    private final PeerPresence peers;
    private volatile boolean closed;

    PostgresCommitSignals(Connections connections, String schema) {
        this.connections = connections;
        this.peers = new PeerPresence(System::nanoTime);
        String name = "messaging_events." + schema;
        this.channel = name.length() > 63 ? name.substring(0, 63) : name;
    }

    /**
     * Signals committed events to every other listener on the database; never blocks the caller. Sends nothing
     * while none is there: one that starts listening later is told of this instance and reads the log then.
     */
    void signal() {
        if (closed || !othersListen() || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.execute(this::sendNotify);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.set(false);
        }
    }

    private void sendNotify() {
        pending.set(false);
        try {
            if (notifyConnection == null) {
                notifyConnection = connections.get();
                notifyConnection.setAutoCommit(true);
                notifyProcess = backendProcess(notifyConnection);
            }
            // A NOTIFY commits a transaction of its own, with a transaction id: at the default synchronous_commit
            // its commit waited for a WAL flush (an fsync per signal, which the units committing at that moment
            // queued behind). It carries no data and polling covers a lost one, so it commits without waiting;
            // listeners hear it at commit all the same. set_config(..., true) holds for this statement's
            // transaction only.
            try (PreparedStatement statement = notifyConnection.prepareStatement(
                    "SELECT set_config('synchronous_commit', 'off', true), pg_notify(?, '')")) {
                statement.setString(1, channel);
                statement.execute();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not NOTIFY other instances (they will poll): {}", e.toString());
            releaseQuietly(notifyConnection);
            notifyConnection = null;
            notifyProcess = 0;
        }
        try {
            Thread.sleep(COALESCE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a signal would reach anyone: another engine on this store, or another instance heard on the channel.
     * Read before the decision to skip a signal and written before this instance answers a greeting, so a commit
     * either is signalled or committed before the newcomer heard the answer (which wakes its relay).
     */
    boolean othersListen() {
        return listeners.get() > 1 || peers.present();
    }

    private static int backendProcess(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Runs {@code listener} on a thread of its own whenever any instance signals, until the handle closes. */
    AutoCloseable listen(Runnable listener) {
        Listener thread = new Listener(listener);
        listeners.incrementAndGet();
        thread.start();
        return () -> {
            thread.halt();
            listeners.decrementAndGet();
        };
    }

    private String quoted() {
        return '"' + channel.replace("\"", "\"\"") + '"';
    }

    private void releaseQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connections.release(connection);
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not release a signal connection: {}", e.toString());
        }
    }

    private final class Listener extends Thread {

        private final Runnable listener;
        private volatile boolean stopped;

        Listener(Runnable listener) {
            super("messaging-listen");
            setDaemon(true);
            this.listener = listener;
        }

        void halt() {
            stopped = true;
            interrupt();
            try {
                join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            long failures = 0;
            while (!stopped && !closed) {
                Connection connection = null;
                int process = 0;
                try {
                    connection = connections.get();
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("LISTEN " + quoted());
                    }
                    Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", true,
                            connection.getClass().getClassLoader());
                    Object pg = connection.unwrap(pgConnection);
                    Method getNotifications = pgConnection.getMethod("getNotifications", int.class);
                    Class<?> notification = Class.forName("org.postgresql.PGNotification", true,
                            connection.getClass().getClassLoader());
                    Method sender = notification.getMethod("getPID");
                    Method payload = notification.getMethod("getParameter");
                    process = backendProcess(connection);
                    listenProcesses.add(process);
                    long spokeAt = say(connection, HELLO);
                    failures = 0;
                    listener.run();   // whatever was signalled while not listening
                    while (!stopped && !closed) {
                        Object notifications = getNotifications.invoke(pg, WAIT_MILLIS);
                        Heard heard = hear(notifications, sender, payload);
                        if (heard.greeted() || peers.heartbeatDue(spokeAt)) {
                            spokeAt = say(connection, HERE);
                        }
                        if (heard.wake()) {
                            listener.run();
                        }
                    }
                } catch (Exception e) {
                    if (stopped || closed) {
                        break;
                    }
                    failures++;
                    log.debug("LISTEN connection failed (attempt {}); relays poll meanwhile: {}", failures,
                            e.toString());
                    try {
                        Thread.sleep(Math.min(10_000L, 200L * failures));
                    } catch (InterruptedException interrupted) {
                        break;
                    }
                } finally {
                    listenProcesses.remove(process);
                    if (connection != null) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("UNLISTEN *");
                        } catch (SQLException | RuntimeException ignored) {
                            // the connection may be broken; the pool validates it
                        }
                        releaseQuietly(connection);
                    }
                }
            }
        }
    }

    /**
     * Says {@code word} on the channel from a listening connection, committed without waiting for the WAL flush as
     * the signals are; returns when (engine clock).
     */
    private long say(Connection connection, String word) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('synchronous_commit', 'off', true), pg_notify(?, ?)")) {
            statement.setString(1, channel);
            statement.setString(2, word);
            statement.execute();
        }
        return peers.now();
    }

    /** What a batch of notifications asks of a listener. */
    private record Heard(boolean wake, boolean greeted) {
    }

    /**
     * Reads a batch of notifications. Whatever another instance says marks it present, and wakes the relay (a
     * greeting or heartbeat too: it is rare, and an answer to this listener's greeting must wake it, see
     * {@link #othersListen()}); a greeting from another instance asks for an answer. This store's own signals wake
     * only while more than one engine listens: a single engine woke its relay in-process already.
     */
    private Heard hear(Object notifications, Method sender, Method payload) throws ReflectiveOperationException {
        boolean wake = false;
        boolean greeted = false;
        boolean shared = listeners.get() > 1;
        int n = notifications == null ? 0 : Array.getLength(notifications);
        for (int i = 0; i < n; i++) {
            Object notification = Array.get(notifications, i);
            int process = (int) sender.invoke(notification);
            boolean ours = process == notifyProcess || listenProcesses.contains(process);
            if (!ours) {
                peers.heard();
                wake = true;
                greeted |= HELLO.equals(payload.invoke(notification));
            } else if (shared && "".equals(payload.invoke(notification))) {
                wake = true;
            }
        }
        return new Heard(wake, greeted);
    }

    @Override
    public void close() {
        closed = true;
        sender.shutdown();
        try {
            sender.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseQuietly(notifyConnection);
        notifyConnection = null;
    }
}

package io.clientportal.messaging.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL for tests, on any machine: the server named by {@code MESSAGING_TEST_POSTGRES_URL} (user
 * {@code MESSAGING_TEST_POSTGRES_USER}, default {@code postgres}; password {@code MESSAGING_TEST_POSTGRES_PASSWORD},
 * default empty), else an embedded PostgreSQL from Maven Central started once per JVM. Each call hands out a fresh
 * schema, so test classes never see each other's tables.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /**
     * A schema of its own on the test server. Closing it drops the schema; a JVM exit drops it too, should a test
     * forget.
     *
     * @param baseUrl  the server's JDBC URL, without the schema
     * @param url      the JDBC URL that selects the schema
     * @param user     the user
     * @param password the password
     * @param name     the schema's name
     */
    public record Schema(String baseUrl, String url, String user, String password, String name)
            implements AutoCloseable {

        /** Drops the schema with everything in it. */
        @Override
        public void close() {
            execute(baseUrl, user, password, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /** Creates a fresh schema whose name starts with {@code prefix} (letters, digits and underscores). */
    public static Schema freshSchema(String prefix) {
        String base = baseUrl();
        String user = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_PASSWORD", "");
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute(base, user, password, "CREATE SCHEMA " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(base, user, password, "SET lock_timeout = '5s'; DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (RuntimeException ignored) {
                // the embedded server may already be gone, or the schema still locked
            }
        }));
        return new Schema(base, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password,
                name);
    }

    /** Whether the server is one the environment provides (rather than the embedded one). */
    public static boolean external() {
        String url = System.getenv("MESSAGING_TEST_POSTGRES_URL");
        return url != null && !url.isBlank();
    }

    /** Runs one SQL statement on its own connection. */
    public static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }

    private static synchronized String baseUrl() {
        if (external()) {
            return System.getenv("MESSAGING_TEST_POSTGRES_URL");
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }
}

package io.clientportal.messaging.spring;

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
 * The PostgreSQL the tests run on: the server named by {@code MESSAGING_TEST_POSTGRES_URL} (user {@code postgres} or
 * {@code MESSAGING_TEST_POSTGRES_USER}), else an embedded PostgreSQL started once per JVM. Every call hands out a
 * fresh schema, so each test class starts from an empty database.
 */
public final class TestPostgres {

    /** A fresh schema: the JDBC URL that selects it, and the credentials. */
    public record Database(String url, String user, String password, String schema) {
    }

    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    public static Database freshSchema() {
        String base = baseUrl();
        String user = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_PASSWORD", "");
        String schema = "starter_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(base, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test schema on " + base, e);
        }
        dropAtExit(base, user, password, schema);
        return new Database(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password,
                schema);
    }

    /** Leaves the shared server as it was found; a schema still in use is left for the next clean-up. */
    private static void dropAtExit(String base, String user, String password, String schema) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(base, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = '5s'");
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // the embedded server may already be gone, or the schema still locked
            }
        }));
    }

    private static synchronized String baseUrl() {
        String external = System.getenv("MESSAGING_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return external;
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

package io.clientportal.messaging.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The databases tests run on. H2: a fresh in-memory database per call. PostgreSQL: the server named by
 * {@code MESSAGING_TEST_POSTGRES_URL} (user {@code postgres}, or {@code MESSAGING_TEST_POSTGRES_USER}), else an
 * embedded PostgreSQL started once per JVM; each call gets a schema of its own, dropped on close.
 */
final class TestDatabases {

    private static final String POSTGRES_URL = System.getenv("MESSAGING_TEST_POSTGRES_URL");
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A database a test owns; closing it releases or drops it. */
    interface TestDatabase extends AutoCloseable {
        DataSource dataSource();

        /** A second, independent pool on the same database (another application node). */
        DataSource anotherPool(String applicationName);

        boolean isPostgres();

        @Override
        void close();
    }

    static TestDatabase h2() {
        String url = "jdbc:h2:mem:messaging_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public DataSource anotherPool(String applicationName) {
                return dataSource;
            }

            @Override
            public boolean isPostgres() {
                return false;
            }

            @Override
            public void close() {
                try (Connection connection = dataSource.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static TestDatabase postgres() {
        String baseUrl = postgresBaseUrl();
        String user = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_PASSWORD", "");
        String schema = "messaging_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute(baseUrl, user, password, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        HikariDataSource main = pool(url, user, password, "messaging-test", 8);
        java.util.List<HikariDataSource> extra = new java.util.ArrayList<>();
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return main;
            }

            @Override
            public DataSource anotherPool(String applicationName) {
                HikariDataSource pool = pool(url, user, password, applicationName, 4);
                extra.add(pool);
                return pool;
            }

            @Override
            public boolean isPostgres() {
                return true;
            }

            @Override
            public void close() {
                extra.forEach(HikariDataSource::close);
                main.close();
                execute(baseUrl, user, password, "DROP SCHEMA " + schema + " CASCADE");
            }
        };
    }

    /** Whether the PostgreSQL under test is one the environment provides (else embedded). */
    static boolean externalPostgres() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    private static synchronized String postgresBaseUrl() {
        if (externalPostgres()) {
            return POSTGRES_URL;
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
                    // the JVM is going away anyway
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    private static HikariDataSource pool(String url, String user, String password, String applicationName,
                                         int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + "&ApplicationName=" + applicationName);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName(applicationName);
        return new HikariDataSource(config);
    }

    static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }
}

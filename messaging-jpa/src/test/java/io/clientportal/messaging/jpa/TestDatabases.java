package io.clientportal.messaging.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clientportal.messaging.testkit.TestPostgres;
import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The databases tests run on. H2: a fresh in-memory database per call. PostgreSQL: the server named by
 * {@code MESSAGING_TEST_POSTGRES_URL} (user {@code postgres}, or {@code MESSAGING_TEST_POSTGRES_USER}), else an
 * embedded PostgreSQL started once per JVM; each call gets a schema of its own, dropped on close.
 */
final class TestDatabases {

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
        return h2("");
    }

    /** A fresh in-memory H2 database with more settings appended to its URL ({@code ";NAME=value..."}). */
    static TestDatabase h2(String settings) {
        String url = "jdbc:h2:mem:messaging_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000" + settings;
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
        TestPostgres.Schema schema = TestPostgres.freshSchema("messaging_test_");
        HikariDataSource main = pool(schema.url(), schema.user(), schema.password(), "messaging-test", 8);
        List<HikariDataSource> extra = new ArrayList<>();
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return main;
            }

            @Override
            public DataSource anotherPool(String applicationName) {
                HikariDataSource pool = pool(schema.url(), schema.user(), schema.password(), applicationName, 4);
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
                schema.close();
            }
        };
    }

    /** Whether the PostgreSQL under test is one the environment provides (else embedded). */
    static boolean externalPostgres() {
        return TestPostgres.external();
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
}

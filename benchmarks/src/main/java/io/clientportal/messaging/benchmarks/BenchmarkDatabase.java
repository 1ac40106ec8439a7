package io.clientportal.messaging.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clientportal.messaging.testkit.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A fresh database for one run: an H2 file database under the output folder (deleted first), or a new schema on
 * PostgreSQL ({@code MESSAGING_TEST_POSTGRES_URL}, else an embedded PostgreSQL), dropped on close. Every pool
 * made here is closed with it.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final String name;
    private final boolean postgres;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable dropper;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private BenchmarkDatabase(String name, boolean postgres, String url, String user, String password,
                              Runnable dropper) {
        this.name = name;
        this.postgres = postgres;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
    }

    static BenchmarkDatabase open(String kind, Path output) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> h2(output);
            case "postgresql", "postgres" -> postgres();
            default -> throw new IllegalArgumentException("unknown database " + kind + " (h2 or postgresql)");
        };
    }

    private static BenchmarkDatabase h2(Path output) {
        Path folder = output.resolve("h2").toAbsolutePath();
        deleteRecursively(folder);
        String url = "jdbc:h2:file:" + folder.resolve("bench") + ";LOCK_TIMEOUT=30000";
        return new BenchmarkDatabase("H2", false, url, "sa", "", () -> deleteRecursively(folder));
    }

    private static BenchmarkDatabase postgres() {
        TestPostgres.Schema schema = TestPostgres.freshSchema("messaging_bench_");
        return new BenchmarkDatabase(TestPostgres.external() ? "PostgreSQL" : "PostgreSQL (embedded)", true,
                schema.url(), schema.user(), schema.password(), schema::close);
    }

    String name() {
        return name;
    }

    boolean isPostgres() {
        return postgres;
    }

    /**
     * On PostgreSQL, brings the planner's statistics up to date, as autovacuum would have in the hours a production
     * database takes to see this much change: a workload is not planned with the row counts of the one before (a
     * 300,000-row outbox planned as empty is scanned on every read). Every variant's tables alike.
     */
    void refreshStatistics() {
        if (!postgres) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    /**
     * After the seed, before the first round, for every variant alike. On H2, writes everything to the file now: H2
     * flushes in a background thread, which would otherwise still be busy with the seed on the second core while the
     * first rounds are measured. (Not before every round: a checkpoint leaves H2's reads cold, which slowed every
     * variant's reads tenfold.) On PostgreSQL, vacuums the run's tables and checkpoints: the seed's fresh rows
     * would otherwise be vacuumed by autovacuum (their number crosses its insert threshold) and written out by the
     * checkpointer while the first workloads run, beside them on the same two cores (posting on one thread climbed
     * from 235 to 660 per second over its five rounds, RAW's from 199 to 743).
     */
    void settle() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            if (!postgres) {
                statement.execute("CHECKPOINT SYNC");
                return;
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("VACUUM (ANALYZE) \"" + table.replace("\"", "\"\"") + "\"");
            }
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("settling the seed failed on " + name, e);
        }
    }

    /** A new pool on this database; {@code name} shows up as the PostgreSQL application name. */
    DataSource pool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres ? url + "&ApplicationName=" + poolName : url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName(poolName);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        dropper.run();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

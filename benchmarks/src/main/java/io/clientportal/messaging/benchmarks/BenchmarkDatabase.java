package io.clientportal.messaging.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A fresh database for one run: an H2 file database under the output folder (deleted first), or a new schema on
 * PostgreSQL ({@code MESSAGING_TEST_POSTGRES_URL}, else an embedded PostgreSQL), dropped on close. Every pool
 * made here is closed with it.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private static EmbeddedPostgres embedded;

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
        String configured = System.getenv("MESSAGING_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("MESSAGING_TEST_POSTGRES_PASSWORD", "");
        String base = configured != null && !configured.isBlank() ? configured : embeddedUrl();
        String schema = "messaging_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(base, user, password, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String label = configured != null && !configured.isBlank() ? "PostgreSQL" : "PostgreSQL (embedded)";
        return new BenchmarkDatabase(label, true, url, user, password,
                () -> execute(base, user, password, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static synchronized String embeddedUrl() {
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

    String name() {
        return name;
    }

    boolean isPostgres() {
        return postgres;
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

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
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

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.spring.MessagingProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Token buckets per actor in the shared PostgreSQL (Bucket4j, one row per actor and kind, updated under
 * {@code SELECT ... FOR UPDATE}), so the limits hold across every node on the database. Each check is one short
 * transaction on a connection of the application's pool. Needs {@code com.bucket4j:bucket4j_jdk17-postgresql}; the
 * table ({@code messaging.web.rate-limit.table}) is created if missing. A row expires (Bucket4j's expiry column)
 * once its bucket would be full again.
 */
public final class PostgresRateLimiter implements MessagingRateLimiter {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final ProxyManager<String> buckets;
    private final BucketConfiguration posts;
    private final BucketConfiguration uploads;

    /**
     * @param dataSource the shared PostgreSQL
     * @param properties {@code messaging.web.rate-limit.*}
     */
    public PostgresRateLimiter(DataSource dataSource, MessagingProperties.RateLimit properties) {
        String table = properties.getTable();
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("messaging.web.rate-limit.table is not a plain table name: " + table);
        }
        createTableIfMissing(dataSource, table);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(table)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        properties.getPeriod()))
                .build();
        this.posts = configuration(properties.getPosts(), properties.getPeriod());
        this.uploads = configuration(properties.getUploads(), properties.getPeriod());
    }

    @Override
    public Duration tryAcquire(String tenantId, Actor actor, Kind kind) {
        // The tenant's length first: ids may hold any character, and no two (tenant, actor) pairs share a key.
        String key = kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + tenantId.length() + ":" + tenantId + ":"
                + actor.kind().name() + ":" + actor.id();
        BucketConfiguration configuration = kind == Kind.POST ? posts : uploads;
        ConsumptionProbe probe = buckets.getProxy(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration configuration(int limit, Duration period) {
        if (limit <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and period");
        }
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, period).build())
                .build();
    }

    private static void createTableIfMissing(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Bucket4j's columns: the key, the serialised bucket, and when the row may be dropped.
            statement.execute("CREATE TABLE IF NOT EXISTS " + table
                    + " (id VARCHAR(512) PRIMARY KEY, state BYTEA, expires_at BIGINT)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Two nodes starting at once may race to create it: what counts is that it is there now.
            if (!tableExists(dataSource, table)) {
                throw new IllegalStateException("could not create the rate limit table " + table, e);
            }
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}

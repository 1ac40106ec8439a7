package io.clientportal.messaging.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL on the connection (and so in the transaction) of an {@link EntityManager}: the store's hot paths are
 * set-based statements and JDBC batches, not an entity per row. Pending entity changes are flushed first, so
 * statements see them; failures come out translated by {@link StoreErrors}.
 */
final class Jdbc {

    /** A null of a known SQL type (PostgreSQL needs one for a bare parameter). */
    record TypedNull(int sqlType) {
    }

    static final TypedNull NULL_UUID = new TypedNull(Types.OTHER);
    static final TypedNull NULL_TIMESTAMP = new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE);
    static final TypedNull NULL_TEXT = new TypedNull(Types.VARCHAR);

    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work on the raw connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final EntityManager em;
    /** The bare connection statements run on instead, in autocommit; {@code null} when on {@link #em}. */
    private final Connection connection;
    private final Platform platform;

    Jdbc(EntityManager em, Platform platform) {
        this(em, null, platform);
    }

    private Jdbc(EntityManager em, Connection connection, Platform platform) {
        this.em = em;
        this.connection = connection;
        this.platform = platform;
    }

    /**
     * Statements on a bare connection in autocommit: each is a transaction of its own, one round trip, no session.
     * For reads of one statement outside any unit of work (the relay's reads of the log).
     */
    static Jdbc autocommit(Connection connection, Platform platform) throws SQLException {
        connection.setAutoCommit(true);
        return new Jdbc(null, connection, platform);
    }

    /** Statements on {@code connection} as it is (a read unit's bare connection, already in autocommit). */
    static Jdbc on(Connection connection, Platform platform) {
        return new Jdbc(null, connection, platform);
    }

    Platform platform() {
        return platform;
    }

    <T> T work(ConnectionWork<T> work) {
        if (connection != null) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw StoreErrors.translate(e);
            }
        }
        Session session = em.unwrap(Session.class);
        if (session.isDirty()) {
            session.flush();
        }
        return session.doReturningWork(connection -> {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw StoreErrors.translate(e);
            }
        });
    }

    /** Runs an INSERT, UPDATE, DELETE or MERGE; returns the rows affected. */
    int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs an INSERT; returns false instead of failing when it hits a unique key (H2 keeps the transaction). */
    boolean insertUnlessDuplicate(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate() > 0;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Runs one statement once per parameter row, in JDBC batches. */
    void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(connection, statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
                return null;
            }
        });
    }

    /** Runs a query (or a data-changing statement that yields rows) and maps every row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long queryLong(String sql, Object... parameters) {
        return queryOne(sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    /** A parameter value for an array of UUIDs (PostgreSQL: bind to {@code CAST(? AS UUID[])}). */
    SqlArray uuids(List<UUID> values) {
        return new SqlArray(platform.uuidTypeName(), values.toArray(UUID[]::new));
    }

    /** A parameter value for an SQL array of the named element type. */
    record SqlArray(String elementType, Object[] values) {
    }

    private void bind(Connection connection, PreparedStatement statement, Object[] parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
            } else if (value instanceof TypedNull typed) {
                statement.setNull(index, typed.sqlType());
            } else if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof SqlArray array) {
                statement.setArray(index, connection.createArrayOf(array.elementType(), array.values()));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }

    // --- reading columns -------------------------------------------------------------------------------------

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * {@link #instant(ResultSet, int)} for the hot readers of rows: on H2, as an {@code Instant} directly (through
     * an {@code OffsetDateTime} H2 looked its zone offset up in a shared map, for each of the several times of
     * every inbox row); PostgreSQL's driver reads no {@code Instant}.
     */
    static Instant instant(ResultSet row, int column, Platform platform) throws SQLException {
        return platform == Platform.H2 ? row.getObject(column, Instant.class) : instant(row, column);
    }
}

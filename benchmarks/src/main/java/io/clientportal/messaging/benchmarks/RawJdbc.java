package io.clientportal.messaging.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** RAW's two ways to the database: a unit of work in a transaction, and a read of one statement in autocommit. */
final class RawJdbc {

    /** Work on a connection, in JDBC's terms. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource pool;

    RawJdbc(DataSource pool) {
        this.pool = pool;
    }

    /** {@code work} in one transaction on one connection, committed, or rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read of one statement: autocommit, so no second round trip for a COMMIT. */
    <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.MessagingStoreException;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The databases the store supports, with the few statements whose SQL differs between them. Everything else is
 * portable SQL shared by both.
 */
enum Platform {

    H2("h2", "NEXT VALUE FOR messaging_event_position_seq", "SYSTEM_RANGE(1, ?)"),

    POSTGRESQL("postgresql", "nextval('messaging_event_position_seq')", "generate_series(1, ?)");

    /**
     * The time a seq taken now settles on: the later of the parameter (given twice) and the conversation's
     * {@code last_message_at}, evaluated under the row lock, so that times never run backwards against seqs.
     */
    static final String LATER_MESSAGE_AT = "GREATEST(COALESCE(last_message_at, ?), ?)";

    /**
     * Takes a conversation's next seq under its row lock, counting the message it is for as countable; parameters:
     * at (four times), tenant, id.
     */
    private static final String NEXT_SEQ = "UPDATE messaging_conversation SET last_seq = last_seq + 1,"
            + " countable = countable + 1,"
            + " last_message_at = " + LATER_MESSAGE_AT + ", activity_at = " + LATER_MESSAGE_AT
            + " WHERE tenant_id = ? AND id = ?";

    /**
     * A parameter marker for a value that PostgreSQL's planner must not look up in its statistics: there an init
     * plan, {@code (SELECT CAST(? AS type))}, elsewhere the bare marker. Where a custom plan for a value the
     * statistics know to be rare or long looks cheaper than the generic plan, PostgreSQL plans the prepared statement
     * anew on every call; with the value opaque, custom and generic plans cost the same and the generic one is kept
     * ({@code PostgresPagePlanTests}).
     *
     * @param sqlType the parameter's SQL type, as in a {@code CAST}
     */
    String opaque(String sqlType) {
        return this == POSTGRESQL ? "(SELECT CAST(? AS " + sqlType + "))" : "?";
    }

    private final String scriptFolder;
    private final String nextPosition;
    private final String numbers;

    /**
     * @param nextPosition an expression that takes the next event position
     * @param numbers      a table of the numbers 1 to the parameter
     */
    Platform(String scriptFolder, String nextPosition, String numbers) {
        this.scriptFolder = scriptFolder;
        this.nextPosition = nextPosition;
        this.numbers = numbers;
    }

    /** The classpath location of this platform's versioned schema scripts. */
    String scriptLocation() {
        return "classpath:io/clientportal/messaging/jpa/schema/" + scriptFolder;
    }

    /**
     * Bumps a conversation's seq under its row lock and selects {@code columns} of the updated row, as {@code c},
     * joined by {@code joins} (a post reads its author's facts in the same statement). Parameters: at (four
     * times), tenant, id, then those of {@code joins}.
     */
    String nextSeqSql(String columns, String joins) {
        return nextSeqSql(columns, joins, false);
    }

    /**
     * {@link #nextSeqSql(String, String)} for a message that may be an internal note: a message that is not also
     * takes the next client seq and counts in the client countable, its time the clients' last message time (two
     * more parameters, at, after the four); a note takes only the seq, and yields the unchanged
     * {@code last_client_seq}.
     */
    String nextSeqSql(String columns, String joins, boolean internal) {
        String update = internal ? NEXT_SEQ : NEXT_SEQ.replace(" WHERE tenant_id", ", last_client_seq ="
                + " last_client_seq + 1, client_countable = client_countable + 1, last_client_message_at = "
                + LATER_MESSAGE_AT + " WHERE tenant_id");
        if (this == POSTGRESQL) {
            return "WITH c AS (" + update + " RETURNING tenant_id, id, client_account_id, last_seq,"
                    + " last_message_at, last_client_seq, team_status) SELECT " + columns + " FROM c" + joins;
        }
        return "SELECT " + columns + " FROM FINAL TABLE (" + update + ") c" + joins;
    }

    /** An expression that takes the next event position from the sequence. */
    String nextPositionSql() {
        return nextPosition;
    }

    /** Takes event positions from the sequence, one row each; parameter: how many. */
    String reservePositionsSql() {
        return "SELECT " + nextPosition + " FROM " + numbers;
    }

    /**
     * A data-changing statement that yields the named columns of the rows it changed: PostgreSQL appends
     * RETURNING; H2 selects from the statement's delta table (the new rows, or the old ones for a DELETE).
     */
    String returning(String statement, String columns) {
        if (this == POSTGRESQL) {
            return statement + " RETURNING " + columns;
        }
        String delta = statement.stripLeading().regionMatches(true, 0, "DELETE", 0, 6) ? "OLD" : "FINAL";
        return "SELECT " + columns + " FROM " + delta + " TABLE (" + statement + ")";
    }

    /**
     * The UUIDs of an array parameter as a table {@code t(k)} to join on a primary key, one index lookup per id.
     * (H2 uses no index for {@code id IN (...)} after {@code tenant_id = ?}: it scans the tenant's rows.)
     */
    String idTableSql() {
        return this == POSTGRESQL ? "unnest(CAST(? AS uuid[])) AS t(k)" : "TABLE(k UUID = ?) t";
    }

    /** The SQL type name of UUID array elements, for {@link Connection#createArrayOf}. */
    String uuidTypeName() {
        return this == POSTGRESQL ? "uuid" : "UUID";
    }

    static Platform of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        throw new MessagingStoreException("the messaging store supports H2 and PostgreSQL, not " + product, null);
    }

    static Platform of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new MessagingStoreException("could not connect to the messaging database", e);
        }
    }
}

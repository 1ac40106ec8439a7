package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.testkit.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** The nodes on one PostgreSQL schema (claims with SKIP LOCKED). */
class PostgresMailNotificationNodesTests extends MailNotificationNodesTests {

    private TestPostgres.Schema schema;

    @Override
    DataSource newDatabase() {
        schema = TestPostgres.freshSchema("mail_nodes_");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(schema.url());
        pg.setUser(schema.user());
        pg.setPassword(schema.password());
        return pg;
    }

    @Override
    void dropDatabase() {
        schema.close();
    }
}

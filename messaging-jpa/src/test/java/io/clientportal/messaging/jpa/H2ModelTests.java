package io.clientportal.messaging.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.MessagingModelTests;

/** The model-based test on embedded H2, in a database of this class's own. */
class H2ModelTests extends MessagingModelTests {

    private TestDatabases.TestDatabase database;
    private HikariDataSource pool;

    @Override
    protected MessagingStore createStore() {
        // Pooled, as an application would run it, each H2 session keeping enough parsed statements for all the
        // store's queries: the test then spends its time on checks rather than on parsing SQL.
        database = TestDatabases.h2(";QUERY_CACHE_SIZE=256");
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(4);
        config.setPoolName("h2-model");
        pool = new HikariDataSource(config);
        return JpaMessagingStore.create(pool);
    }

    @Override
    protected void closeStore(MessagingStore store) {
        store.close();
        pool.close();
        database.close();
    }

    @Override
    protected int defaultSteps() {
        return 2_000;
    }
}

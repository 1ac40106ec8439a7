package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.MessagingModelTests;

/** The model-based test on PostgreSQL, in a schema of this class's own (dropped afterwards). */
class PostgresModelTests extends MessagingModelTests {

    private TestDatabases.TestDatabase database;

    @Override
    protected MessagingStore createStore() {
        database = TestDatabases.postgres();
        return JpaMessagingStore.create(database.dataSource());
    }

    @Override
    protected void closeStore(MessagingStore store) {
        store.close();
        database.close();
    }

    @Override
    protected int defaultSteps() {
        return 2_000;
    }
}

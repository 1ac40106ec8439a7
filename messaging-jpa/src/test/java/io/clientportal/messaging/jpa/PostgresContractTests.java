package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.MessagingStoreContractTests;

/** The whole contract on PostgreSQL, in a schema of this class's own (dropped afterwards). */
class PostgresContractTests extends MessagingStoreContractTests {

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
}

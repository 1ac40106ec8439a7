package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.MessagingStoreContractTests;

/** The whole contract on embedded H2, in a database of this class's own. */
class H2ContractTests extends MessagingStoreContractTests {

    private TestDatabases.TestDatabase database;

    @Override
    protected MessagingStore createStore() {
        database = TestDatabases.h2();
        return JpaMessagingStore.create(database.dataSource());
    }

    @Override
    protected void closeStore(MessagingStore store) {
        store.close();
        database.close();
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;

class H2RelayFillRaceTests extends RelayFillRaceTests {

    private TestDatabases.TestDatabase database;
    private JpaMessagingStore store;

    @Override
    MessagingStore newStore() {
        database = TestDatabases.h2();
        store = JpaMessagingStore.create(database.dataSource());
        return store;
    }

    @Override
    void closeStore() {
        store.close();
        database.close();
    }
}

package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;

class PostgresRelayFillRaceTests extends RelayFillRaceTests {
    @Override
    MessagingStore newStore() {
        return onDatabase(TestDatabases.postgres());
    }
}

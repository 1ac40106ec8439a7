package io.clientportal.messaging.jpa;

import io.clientportal.messaging.spi.MessagingStore;

class H2RelayFillRaceTests extends RelayFillRaceTests {
    @Override
    MessagingStore newStore() {
        return onDatabase(TestDatabases.h2());
    }
}

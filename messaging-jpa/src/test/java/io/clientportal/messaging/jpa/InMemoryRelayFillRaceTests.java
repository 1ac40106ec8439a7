package io.clientportal.messaging.jpa;

import io.clientportal.messaging.memory.InMemoryMessagingStore;
import io.clientportal.messaging.spi.MessagingStore;

class InMemoryRelayFillRaceTests extends RelayFillRaceTests {
    @Override
    MessagingStore newStore() {
        return new InMemoryMessagingStore();
    }
}

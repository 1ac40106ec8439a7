package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.MessagingStoreContractTests;

/** The in-memory store passes the whole contract. */
class InMemoryMessagingStoreContractTests extends MessagingStoreContractTests {

    @Override
    protected MessagingStore createStore() {
        return new InMemoryMessagingStore();
    }
}

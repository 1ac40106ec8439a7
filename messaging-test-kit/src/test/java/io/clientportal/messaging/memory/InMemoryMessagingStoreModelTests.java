package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.testkit.MessagingModelTests;

/** The in-memory store against the reference model. */
class InMemoryMessagingStoreModelTests extends MessagingModelTests {

    @Override
    protected MessagingStore createStore() {
        return new InMemoryMessagingStore();
    }
}

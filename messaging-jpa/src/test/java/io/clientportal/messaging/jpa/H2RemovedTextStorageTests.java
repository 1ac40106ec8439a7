package io.clientportal.messaging.jpa;

class H2RemovedTextStorageTests extends RemovedTextStorageTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

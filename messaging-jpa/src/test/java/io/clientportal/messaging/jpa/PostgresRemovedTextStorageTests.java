package io.clientportal.messaging.jpa;

class PostgresRemovedTextStorageTests extends RemovedTextStorageTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

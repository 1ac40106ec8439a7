package io.clientportal.messaging.jpa;

class PostgresAccountDeletionTests extends AccountDeletionTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

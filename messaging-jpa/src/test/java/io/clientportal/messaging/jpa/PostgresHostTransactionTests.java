package io.clientportal.messaging.jpa;

class PostgresHostTransactionTests extends HostTransactionTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

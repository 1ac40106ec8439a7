package io.clientportal.messaging.jpa;

class PostgresRelayGapTests extends RelayGapTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

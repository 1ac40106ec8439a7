package io.clientportal.messaging.jpa;

class PostgresEditDeleteRaceTests extends EditDeleteRaceTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

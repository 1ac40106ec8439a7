package io.clientportal.messaging.jpa;

class PostgresOpenUnitTests extends OpenUnitTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

package io.clientportal.messaging.jpa;

class PostgresEventLogOrderTests extends EventLogOrderTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

package io.clientportal.messaging.jpa;

class PostgresSchemaTests extends SchemaTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

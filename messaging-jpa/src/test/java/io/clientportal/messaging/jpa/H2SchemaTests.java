package io.clientportal.messaging.jpa;

class H2SchemaTests extends SchemaTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

package io.clientportal.messaging.jpa;

class H2EventLogOrderTests extends EventLogOrderTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

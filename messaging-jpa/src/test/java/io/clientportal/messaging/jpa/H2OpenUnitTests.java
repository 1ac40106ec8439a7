package io.clientportal.messaging.jpa;

class H2OpenUnitTests extends OpenUnitTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

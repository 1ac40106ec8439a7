package io.clientportal.messaging.jpa;

class H2HostTransactionTests extends HostTransactionTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

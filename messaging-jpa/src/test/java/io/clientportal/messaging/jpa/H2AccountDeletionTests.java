package io.clientportal.messaging.jpa;

class H2AccountDeletionTests extends AccountDeletionTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

package io.clientportal.messaging.jpa;

class H2EditDeleteRaceTests extends EditDeleteRaceTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

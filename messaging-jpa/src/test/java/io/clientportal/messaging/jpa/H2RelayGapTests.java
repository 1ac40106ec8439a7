package io.clientportal.messaging.jpa;

class H2RelayGapTests extends RelayGapTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

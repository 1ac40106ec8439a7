package io.clientportal.messaging.jpa;

class H2AnnouncementScaleTests extends AnnouncementScaleTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.h2();
    }
}

package io.clientportal.messaging.jpa;

class PostgresAnnouncementScaleTests extends AnnouncementScaleTests {
    @Override
    TestDatabases.TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }
}

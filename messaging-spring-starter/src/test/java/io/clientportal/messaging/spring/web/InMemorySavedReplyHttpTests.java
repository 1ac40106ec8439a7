package io.clientportal.messaging.spring.web;

import org.springframework.test.context.TestPropertySource;

/** Saved replies over HTTP on the in-memory store (no database in the application). */
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class InMemorySavedReplyHttpTests extends AbstractSavedReplyHttpTests {
}

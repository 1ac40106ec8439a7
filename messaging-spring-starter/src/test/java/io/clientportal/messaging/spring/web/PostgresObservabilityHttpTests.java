package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.testkit.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Observability over the JPA store on PostgreSQL ({@code MESSAGING_TEST_POSTGRES_URL}, else embedded). */
class PostgresObservabilityHttpTests extends AbstractObservabilityHttpTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.Schema database = TestPostgres.freshSchema("starter_observe_");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("messaging.schema.initialize", () -> "always");
    }
}

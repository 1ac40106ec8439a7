package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.testkit.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API over the JPA store on PostgreSQL ({@code MESSAGING_TEST_POSTGRES_URL}, else embedded), in a fresh schema;
 * the schema scripts are applied because {@code messaging.schema.initialize=always}.
 */
class PostgresMessagingHttpTests extends AbstractJpaMessagingHttpTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.Schema database = TestPostgres.freshSchema("starter_test_");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("messaging.schema.initialize", () -> "always");
    }
}

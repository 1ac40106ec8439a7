package io.clientportal.messaging.spring.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/** The API over the JPA store on embedded H2 (the schema is applied by default for embedded databases). */
class H2MessagingHttpTests extends AbstractJpaMessagingHttpTests {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:starter_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }
}

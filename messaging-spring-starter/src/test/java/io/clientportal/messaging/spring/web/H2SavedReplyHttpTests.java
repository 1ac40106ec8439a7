package io.clientportal.messaging.spring.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/** Saved replies over HTTP on the JPA store on embedded H2, in the host's persistence unit. */
class H2SavedReplyHttpTests extends AbstractSavedReplyHttpTests {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:saved_replies_"
                + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }
}

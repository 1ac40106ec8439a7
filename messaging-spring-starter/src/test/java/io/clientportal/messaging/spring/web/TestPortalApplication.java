package io.clientportal.messaging.spring.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A host application as a user would write it: Boot, Spring Security with its default chain, and the starter.
 * Everyone signs in with password {@code pw} (a session login, or HTTP Basic, which {@code test-portal.properties}
 * switches on for the API); the user name is the messaging id.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:test-portal.properties")
public class TestPortalApplication {

    public static final String PASSWORD = "pw";

    /** The clock of the engine and the API, so tests can let the edit window pass. */
    @Bean
    MutableClock clock() {
        return new MutableClock();
    }

    @Bean
    UserDetailsService users() {
        return username -> User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
    }
}

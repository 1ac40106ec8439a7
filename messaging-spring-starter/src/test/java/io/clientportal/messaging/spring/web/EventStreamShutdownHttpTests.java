package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host application stops while a user's event stream is open (a browser keeps one open for as long as the page is):
 * the stream ends at once, so the web server's graceful shutdown, which waits for requests in progress, does not
 * wait out its whole phase timeout (and a test JVM, closing its cached contexts, exits at once).
 */
class EventStreamShutdownHttpTests {

    /** Far above what the shutdown may take, so that a stream left open shows as a shutdown this long. */
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void anOpenEventStreamEndsWhenTheApplicationStopsAndDoesNotHoldUpItsShutdown() throws Exception {
        ConfigurableApplicationContext application = start();
        try {
            Portal portal = new Portal(application.getBean(Messaging.class));
            String base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port")
                    + "/api/messaging";
            SseClient stream = new HttpCaller(base, portal.id(Portal.Who.CLIENT_OF_ACCOUNT)).events(null)
                    .awaitSubscribed();

            long start = System.nanoTime();
            application.close();
            Duration shutdown = Duration.ofNanos(System.nanoTime() - start);

            assertThat(shutdown).as("shutdown with an open event stream").isLessThan(PHASE_TIMEOUT.dividedBy(4));
            assertThat(stream.awaitEnd(Duration.ofSeconds(10))).as("the stream ended").isTrue();
        } finally {
            application.close();
        }
    }

    private static ConfigurableApplicationContext start() throws IOException {
        return new SpringApplicationBuilder(TestPortalApplication.class).properties(
                "server.port=0",
                "server.shutdown=graceful",
                "spring.lifecycle.timeout-per-shutdown-phase=" + PHASE_TIMEOUT.toSeconds() + "s",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "messaging.attachments.storage-path=" + Files.createTempDirectory("messaging-attachments"))
                .run();
    }
}

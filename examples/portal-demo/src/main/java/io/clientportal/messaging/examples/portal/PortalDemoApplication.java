package io.clientportal.messaging.examples.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The portal of Northwind Studio, a fictional agency: its team and its clients talk through client-portal messaging.
 * Runs on an H2 file under {@code ./data} by default, on PostgreSQL with the {@code postgres} profile.
 */
@SpringBootApplication
public class PortalDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalDemoApplication.class, args);
    }
}

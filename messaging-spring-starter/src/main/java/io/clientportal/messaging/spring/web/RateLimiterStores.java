package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.spring.MessagingProperties;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;

/** Builds the limiters whose libraries are optional, with a clear failure when one is missing. */
final class RateLimiterStores {

    private RateLimiterStores() {
    }

    static MessagingRateLimiter postgres(DataSource dataSource, MessagingProperties.RateLimit properties) {
        if (!ClassUtils.isPresent("io.github.bucket4j.postgresql.Bucket4jPostgreSQL",
                RateLimiterStores.class.getClassLoader())) {
            throw new IllegalStateException("messaging.web.rate-limit.store=postgresql needs "
                    + "com.bucket4j:bucket4j_jdk17-postgresql on the classpath");
        }
        if (dataSource == null) {
            throw new IllegalStateException("messaging.web.rate-limit.store=postgresql needs one DataSource bean");
        }
        return new PostgresRateLimiter(dataSource, properties);
    }
}

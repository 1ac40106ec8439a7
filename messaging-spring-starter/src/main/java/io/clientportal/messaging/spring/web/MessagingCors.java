package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.spring.MessagingProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/** The API's CORS rules from {@code messaging.web.cors.*}; none unless origins are listed. */
final class MessagingCors {

    private MessagingCors() {
    }

    /** The rules, or {@code null} when no origin is allowed (then no CORS answer is given at all). */
    static CorsConfiguration configuration(MessagingProperties.Cors cors) {
        List<String> origins = cors.getAllowedOrigins().stream().filter(o -> o != null && !o.isBlank()).toList();
        if (origins.isEmpty()) {
            return null;
        }
        if (cors.isAllowCredentials() && origins.contains("*")) {
            throw new IllegalStateException("messaging.web.cors.allow-credentials=true can't be combined with the "
                    + "origin *: list the origins that may send cookies");
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(origins);
        configuration.setAllowedMethods(cors.getAllowedMethods());
        configuration.setAllowedHeaders(cors.getAllowedHeaders());
        configuration.setExposedHeaders(cors.getExposedHeaders());
        configuration.setAllowCredentials(cors.isAllowCredentials());
        configuration.setMaxAge(cors.getMaxAge());
        return configuration;
    }

    /** The rules for every path under {@code basePath}, for a {@code CorsFilter}. */
    static UrlBasedCorsConfigurationSource source(String basePath, CorsConfiguration configuration) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        String path = MessagingWebConfiguration.normalise(basePath);
        source.registerCorsConfiguration(path, configuration);
        source.registerCorsConfiguration(path + "/**", configuration);
        return source;
    }
}

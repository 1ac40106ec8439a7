package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.spring.web.ActorResolver;
import io.clientportal.messaging.spi.MessagingStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The starter's REST + SSE API as an application serves it: a Spring Boot application on embedded Tomcat or Jetty
 * (a random port on the loopback interface), its {@code Messaging} built by the starter from its properties, over a
 * JPA store on the benchmark's database. The API is secured by the starter's own filter chain with HTTP Basic, every
 * user's password {@value #PASSWORD} stored in plain text ({@code {noop}}), so that checking credentials costs the
 * driver and the server microseconds, not a password hash: what is measured is the edge, not BCrypt.
 */
final class EdgeServer implements AutoCloseable {

    static final String PASSWORD = "bench";
    /** The CSRF token the driver sends as cookie and header alike (double submit: any value that matches). */
    static final String CSRF_TOKEN = "bench-csrf-token";
    static final String BASE_PATH = "/api/messaging";
    /**
     * The edge's floor, under the API's base path: a POST the starter's filter chain secures as it does a post
     * (credentials, CSRF, tenant), its actor resolved and its JSON body read and answered by the same converters,
     * and nothing else done: what the stack costs a request before the library does any work.
     */
    static final String FLOOR_PATH = "/bench/floor";
    /** The servlet web server auto-configuration of each container; the one not asked for is left out. */
    private static final Map<String, String> SERVERS = Map.of(
            "tomcat", "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
            "jetty", "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration");

    private final ConfigurableApplicationContext context;
    private final int port;

    private EdgeServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Starts the application on {@code pool}, whose schema is in place already.
     *
     * @param server     {@code tomcat} or {@code jetty} (both are on the benchmark's class path)
     * @param properties further application properties (they override the defaults here)
     */
    static EdgeServer start(DataSource pool, String server, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.autoconfigure.exclude", SERVERS.entrySet().stream().filter(e -> !e.getKey().equals(server))
                .map(Map.Entry::getValue).toList());
        all.put("server.port", 0);
        all.put("server.address", "127.0.0.1");
        all.put("spring.main.banner-mode", "off");
        all.put("logging.level.root", "WARN");
        all.put("messaging.schema.initialize", "never");
        all.put("messaging.web.security.basic", true);
        // The limiter still runs on every post; at 60 per actor and minute the driver's clients would be refused.
        all.put("messaging.web.rate-limit.posts", 100_000_000);
        // Tomcat closes a keep-alive connection after 100 requests by default: the driver's few busy connections
        // would reconnect every 100 requests, which a browser's connection to a portal never does (README,
        // "Running at scale").
        all.put("server.tomcat.max-keep-alive-requests", -1);   // Jetty has no such limit
        all.putAll(properties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EdgeApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(all)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchmarkPool", pool))
                .registerShutdownHook(false)
                .run();
        return new EdgeServer(context);
    }

    int port() {
        return port;
    }

    /** The application's own engine, the one the API serves. */
    Messaging messaging() {
        return context.getBean(Messaging.class);
    }

    /** {@code path} under the API's base path, on this server. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + BASE_PATH + path);
    }

    /** The {@code Authorization} header's value for {@code user}. */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The application: Boot's auto-configuration with the messaging starter, its store on the benchmark's pool. No
     * DataSource or JPA auto-configuration of Boot's own: the store brings its persistence unit, as the SDK variant's
     * does, so the HTTP figures and the Java API figures differ by the edge only.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
    static class EdgeApplication {

        @Bean(destroyMethod = "close")
        MessagingStore messagingStore(DataSource benchmarkPool) {
            return JpaMessagingStore.create(benchmarkPool);
        }

        @Bean
        FloorController floorController(ActorResolver actors, Messaging messaging) {
            return new FloorController(actors, messaging);
        }

        /** Every name is a user with the benchmark's password; the directory decides who they are. */
        @Bean
        UserDetailsService benchmarkUsers() {
            return name -> User.withUsername(name).password("{noop}" + PASSWORD).authorities(List.of()).build();
        }
    }

    /** The body a floor request sends, as a post's. */
    record FloorRequest(String text) {
    }

    /** The floor's answer: about as much JSON as a posted message's, none of it stored. */
    record FloorAnswer(String author, String text, long at) {
    }

    /**
     * The edge's floor, see {@link #FLOOR_PATH}. The starter resolves the {@code Actor} argument of its own
     * controllers only, so this one asks the application's {@link ActorResolver} as that resolver does.
     */
    @RestController
    static class FloorController {

        private final ActorResolver actors;
        private final Messaging messaging;

        FloorController(ActorResolver actors, Messaging messaging) {
            this.actors = actors;
            this.messaging = messaging;
        }

        @PostMapping(BASE_PATH + FLOOR_PATH)
        ResponseEntity<FloorAnswer> floor(Principal principal, @RequestBody FloorRequest body) {
            Actor actor = actors.resolve(principal, messaging).orElseThrow();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new FloorAnswer(actor.id(), body.text(), System.currentTimeMillis()));
        }
    }
}

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host with a security chain of its own over every path (a login form, sessions, its own rule that only the team
 * sends announcements) and a {@code JwtDecoder}, that applies {@link MessagingSecurityConfigurer}: the starter's
 * chain backs off, the host's rules apply to the API, sessions and bearer tokens work side by side (a session's
 * writes need the CSRF token, a token's don't), and the API still answers problems and takes no HTTP Basic.
 */
@SpringBootTest(classes = HostChainSecurityHttpTests.HostWithItsOwnChain.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.attachments.storage-path=target/host-chain-test-attachments",
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class HostChainSecurityHttpTests {

    static final TestTokens TOKENS = new TestTokens("https://login.portal.example.com");

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    ApplicationContext context;

    Portal portal;

    @BeforeEach
    void setUpPortal() {
        portal = new Portal(messaging);
    }

    private String root() {
        return "http://localhost:" + port;
    }

    private HttpCaller signedIn(Who who) {
        return HttpCaller.signedIn(root() + "/api/messaging", root() + "/login", portal.id(who));
    }

    @Test
    void theStarterBacksOffForTheHostsChain() {
        assertThat(context.containsBean("messagingSecurityFilterChain")).isFalse();
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("portalSecurityFilterChain");
    }

    @Test
    void anAnonymousApiRequestIsA401ProblemWhileTheHostsPagesRedirectToItsLogin() throws Exception {
        Answer api = HttpCaller.anonymous(root() + "/api/messaging").get("/me");
        assertProblem(api, 401, null);
        assertThat(api.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(root() + "/portal")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void theSessionLoginOfTheHostIsTheApisCallerAndItsWritesNeedTheCsrfToken() {
        HttpCaller cathy = signedIn(Who.CLIENT_OF_ACCOUNT);
        Answer me = cathy.get("/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("actor").get("id").asString()).isEqualTo(portal.id(Who.CLIENT_OF_ACCOUNT));

        String path = portal.conversationPath() + "/messages";
        Answer forged = cathy.postWithoutCsrf(path, json(Map.of("text", "forged")));
        assertProblem(forged, 403, null);
        assertThat(forged.json().get("detail").asString()).contains("CSRF");
        Answer written = cathy.post(path, json(Map.of("text", "Hello")));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
    }

    @Test
    void bearerTokensWorkBesideSessionsAndTheirWritesNeedNoCsrfToken() {
        HttpCaller byToken = HttpCaller.bearer(root() + "/api/messaging",
                TOKENS.token(portal.id(Who.CLIENT_OF_ACCOUNT)));
        Answer written = byToken.postWithoutCsrf(portal.conversationPath() + "/messages",
                json(Map.of("text", "by token")));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertProblem(HttpCaller.bearer(root() + "/api/messaging", TOKENS.expired(portal.id(Who.OWNER))).get("/me"),
                401, null);
    }

    @Test
    void anEventStreamOpensThroughTheHostsChainForASessionAndForABearerToken() throws Exception {
        HttpCaller byToken = HttpCaller.bearer(root() + "/api/messaging", TOKENS.token(portal.id(Who.OWNER)));
        try (SseClient session = signedIn(Who.CLIENT_OF_ACCOUNT).events(null).awaitSubscribed();
             SseClient token = byToken.events(null).awaitSubscribed()) {
            Answer posted = byToken.post(portal.conversationPath() + "/messages", json(Map.of("text", "live")));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            assertThat(session.awaitEvents("MessagePosted", 1)).hasSize(1);
            assertThat(token.awaitEvents("MessagePosted", 1)).hasSize(1);
        }
    }

    @Test
    void theHostsOwnRulesApplyToTheApi() {
        Answer byClient = signedIn(Who.CLIENT_OF_ACCOUNT).post("/announcements",
                json(Map.of("audience", Map.of("allClients", true), "text", "Hi all")));
        assertProblem(byClient, 403, null);
        Answer byOwner = signedIn(Who.OWNER).post("/announcements",
                json(Map.of("audience", Map.of("clientAccountIds", java.util.List.of(portal.account)),
                        "text", "Hi")));
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(202);
    }

    @Test
    void anAnonymousApiRequestIsNotWhereTheLoginGoesBackTo() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        // A browser tab opened on an API address: the host's pages would answer it with a redirect to the login.
        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(
                        URI.create(root() + "/api/messaging/conversations")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(root() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(root() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + portal.id(Who.OWNER) + "&password="
                        + TestPortalApplication.PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                        java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("/api/messaging");
    }

    @Test
    void httpBasicIsNotTakenUnlessAskedFor() {
        assertProblem(new HttpCaller(root() + "/api/messaging", portal.id(Who.OWNER)).get("/me"), 401, null);
    }

    /** The host: its own chain for every path, with the messaging configurer applied. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostWithItsOwnChain {

        @Bean
        SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) {
            http.authorizeHttpRequests(authorize -> authorize
                            .requestMatchers("/api/messaging/announcements/**").hasRole("TEAM")
                            .anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .with(MessagingSecurityConfigurer.messaging(), Customizer.withDefaults());
            return http.build();
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.decoder();
        }

        @Bean
        UserDetailsService users() {
            return username -> User.withUsername(username).password("{noop}" + TestPortalApplication.PASSWORD)
                    .roles(username.startsWith("cathy-") || username.startsWith("dan-") ? "CLIENT" : "TEAM").build();
        }

        @Bean
        PortalPage portalPage() {
            return new PortalPage();
        }
    }

    /** A page of the host's own. */
    @RestController
    static class PortalPage {

        @GetMapping("/portal")
        String portal() {
            return "the portal";
        }
    }
}

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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.util.Map;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that authenticates API clients with bearer JWTs (a {@link JwtDecoder} bean trusting one key and issuer) and
 * has no security chain of its own: the starter's chain takes tokens (and asks no CSRF token of them), refuses
 * expired, foreign and forged ones with 401 problems, takes no HTTP Basic unless asked, and answers CORS for the
 * listed origin only. (Sessions beside tokens: {@link HostChainSecurityHttpTests}.)
 */
@SpringBootTest(classes = JwtSecurityHttpTests.JwtHost.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.web.security.jwt.actor-kind-claim=kind",
        "messaging.web.cors.allowed-origins=https://app.example.com",
        "messaging.attachments.storage-path=target/jwt-test-attachments",
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class JwtSecurityHttpTests {

    static final TestTokens TOKENS = new TestTokens("https://issuer.example.com");

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

    private String baseUrl() {
        return "http://localhost:" + port + "/api/messaging";
    }

    private HttpCaller bearer(String token) {
        return HttpCaller.bearer(baseUrl(), token);
    }

    @Test
    void theStartersOwnChainSecuresTheApiOfAHostWithoutOne() {
        assertThat(context.containsBean("messagingSecurityFilterChain")).isTrue();
    }

    @Test
    void aValidTokenIsItsSubjectsActor() {
        Answer me = bearer(TOKENS.token(portal.id(Who.OWNER))).get("/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("actor").get("kind").asString()).isEqualTo("TEAM_MEMBER");
        assertThat(me.json().get("actor").get("id").asString()).isEqualTo(portal.id(Who.OWNER));

        Answer client = bearer(TOKENS.token(portal.id(Who.CLIENT_OF_ACCOUNT), Map.of("kind", "client"))).get("/me");
        assertThat(client.json().get("actor").get("kind").asString()).isEqualTo("CLIENT_USER");
        assertThat(client.json().get("displayName").asString()).isEqualTo("Cathy Client");
    }

    @Test
    void theKindClaimDecidesTheKindAndAnUnknownKindIsRefused() {
        // A team member's id presented as a client: the token's word counts, and a client sees no other account.
        Answer asClient = bearer(TOKENS.token(portal.id(Who.OWNER), Map.of("kind", "client")))
                .get("/conversations/" + portal.conversation.id());
        assertProblem(asClient, 404, null);
        assertProblem(bearer(TOKENS.token(portal.id(Who.OWNER), Map.of("kind", "robot"))).get("/me"), 403, null);
    }

    @Test
    void expiredWrongIssuerAndBadlySignedTokensAre401Problems() {
        String owner = portal.id(Who.OWNER);
        TestTokens stranger = new TestTokens(TOKENS.issuer);
        for (String token : new String[] {TOKENS.expired(owner), TOKENS.fromIssuer("https://evil.example.com", owner),
                stranger.token(owner), "not-a-jwt"}) {
            Answer answer = bearer(token).get("/me");
            assertProblem(answer, 401, null);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(answer.body()).doesNotContain("expired").doesNotContain("issuer");
        }
    }

    @Test
    void withoutCredentialsTheAnswerIsA401ProblemThatAsksForABearerTokenNotAPassword() {
        Answer answer = HttpCaller.anonymous(baseUrl()).get("/me");
        assertProblem(answer, 401, null);
        assertThat(answer.headers().allValues("WWW-Authenticate")).contains("Bearer")
                .noneMatch(challenge -> challenge.startsWith("Basic"));
    }

    @Test
    void httpBasicIsOffUnlessAskedFor() {
        assertProblem(new HttpCaller(baseUrl(), portal.id(Who.OWNER)).get("/me"), 401, null);
    }

    @Test
    void aBearerWriteNeedsNoCsrfToken() {
        Answer bearerWrite = bearer(TOKENS.token(portal.id(Who.CLIENT_OF_ACCOUNT)))
                .postWithoutCsrf(portal.conversationPath() + "/messages", json(Map.of("text", "by token")));
        assertThat(bearerWrite.status()).as(bearerWrite.toString()).isEqualTo(201);
    }

    @Test
    void aPreflightFromTheListedOriginIsAllowedBeforeAuthentication() {
        Answer preflight = HttpCaller.anonymous(baseUrl()).options(portal.conversationPath() + "/messages", Map.of(
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).as(preflight.toString()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");

        Answer call = bearer(TOKENS.token(portal.id(Who.OWNER)))
                .get("/me", Map.of("Origin", "https://app.example.com"));
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        Answer preflight = HttpCaller.anonymous(baseUrl()).options(portal.conversationPath() + "/messages", Map.of(
                "Origin", "https://evil.example.com", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        Answer call = bearer(TOKENS.token(portal.id(Who.OWNER)))
                .get("/me", Map.of("Origin", "https://evil.example.com"));
        assertThat(call.status()).isEqualTo(403);
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }

    /** The host: Boot, Spring Security without a chain of its own, a JwtDecoder, and users (for Basic, refused). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class JwtHost {

        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.decoder();
        }

        @Bean
        UserDetailsService users() {
            return username -> User.withUsername(username).password("{noop}" + TestPortalApplication.PASSWORD)
                    .roles("USER").build();
        }
    }
}

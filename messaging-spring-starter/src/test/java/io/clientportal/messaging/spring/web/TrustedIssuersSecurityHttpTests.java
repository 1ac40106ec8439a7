package io.clientportal.messaging.spring.web;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two trusted issuers ({@code messaging.web.security.jwt.issuers}), each publishing its keys through OpenID discovery
 * (served here by a small HTTP server of the test's own): tokens of both are accepted, a third issuer's are not, nor
 * a token that names a trusted issuer but is signed by another's key. Each issuer's tokens name their tenant
 * ({@code messaging.web.tenant.jwt-claim}), and neither tenant sees the other's conversations.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.tenant.jwt-claim=tenant",
                "messaging.attachments.storage-path=target/issuers-test-attachments",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class TrustedIssuersSecurityHttpTests {

    private static final HttpServer ISSUERS = issuers();
    private static final String BASE = "http://127.0.0.1:" + ISSUERS.getAddress().getPort();
    private static final TestTokens NORTH = serve(new TestTokens(BASE + "/north"));
    private static final TestTokens SOUTH = serve(new TestTokens(BASE + "/south"));
    private static final TestTokens UNTRUSTED = serve(new TestTokens(BASE + "/untrusted"));

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @DynamicPropertySource
    static void trustedIssuers(DynamicPropertyRegistry registry) {
        registry.add("messaging.web.security.jwt.issuers[0]", () -> NORTH.issuer);
        registry.add("messaging.web.security.jwt.issuers[1]", () -> SOUTH.issuer);
    }

    @AfterAll
    static void stopIssuers() {
        ISSUERS.stop(0);
    }

    private static HttpServer issuers() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the issuer's discovery document and keys under its own path. */
    private static TestTokens serve(TestTokens tokens) {
        String path = tokens.issuer.substring(BASE.length());
        String discovery = "{\"issuer\":\"" + tokens.issuer + "\",\"jwks_uri\":\"" + tokens.issuer + "/jwks\","
                + "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        respond(path + "/.well-known/openid-configuration", discovery);
        respond(path + "/jwks", tokens.jwks());
        return tokens;
    }

    private static void respond(String path, String json) {
        ISSUERS.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private HttpCaller bearer(String token) {
        return HttpCaller.bearer("http://localhost:" + port + "/api/messaging", token);
    }

    private Conversation world(String tenant, String suffix) {
        Messaging view = messaging.tenant(tenant);
        view.directory().upsertTeamMember("olivia" + suffix, "Olivia", TeamRole.OWNER);
        return view.directory().createClientAccount("acme" + suffix, "Acme " + tenant, AccountKind.INDIVIDUAL);
    }

    @Test
    void tokensOfBothTrustedIssuersAreAcceptedEachInItsTenant() {
        String suffix = "-" + System.nanoTime();
        Conversation north = world("north" + suffix, suffix);
        Conversation south = world("south" + suffix, suffix);

        HttpCaller northOwner = bearer(NORTH.token("olivia" + suffix, Map.of("tenant", "north" + suffix)));
        HttpCaller southOwner = bearer(SOUTH.token("olivia" + suffix, Map.of("tenant", "south" + suffix)));
        Answer northMe = northOwner.get("/me");
        assertThat(northMe.status()).as(northMe.toString()).isEqualTo(200);
        assertThat(northMe.json().get("role").asString()).isEqualTo("OWNER");
        assertThat(southOwner.get("/me").status()).isEqualTo(200);

        assertThat(northOwner.get("/conversations").json().get("items"))
                .extracting(item -> item.get("conversation").get("id").asString())
                .containsExactly(north.id().toString());
        assertThat(southOwner.get("/conversations").json().get("items"))
                .extracting(item -> item.get("conversation").get("id").asString())
                .containsExactly(south.id().toString());
        assertProblem(southOwner.get("/conversations/" + north.id()), 404, null);
    }

    @Test
    void anEventStreamOpenedWithATokenCarriesOnlyTheTenantItsClaimNames() throws Exception {
        String suffix = "-" + System.nanoTime();
        Conversation north = world("north" + suffix, suffix);
        Conversation south = world("south" + suffix, suffix);
        HttpCaller northOwner = bearer(NORTH.token("olivia" + suffix, Map.of("tenant", "north" + suffix)));
        HttpCaller southOwner = bearer(SOUTH.token("olivia" + suffix, Map.of("tenant", "south" + suffix)));

        try (SseClient northStream = northOwner.events(null).awaitSubscribed();
             SseClient southStream = southOwner.events(null).awaitSubscribed()) {
            Answer postedNorth = northOwner.post("/conversations/" + north.id() + "/messages",
                    json(Map.of("text", "north news")));
            assertThat(postedNorth.status()).as(postedNorth.toString()).isEqualTo(201);
            Answer postedSouth = southOwner.post("/conversations/" + south.id() + "/messages",
                    json(Map.of("text", "south news")));
            assertThat(postedSouth.status()).as(postedSouth.toString()).isEqualTo(201);

            // Each stream's own post arrives; the other tenant's, committed around it, never does.
            assertThat(northStream.awaitEvents("MessagePosted", 1)).hasSize(1);
            assertThat(southStream.awaitEvents("MessagePosted", 1)).hasSize(1);
            assertThat(northStream.events()).filteredOn(event -> !event.type().equals("ready"))
                    .allSatisfy(event -> assertThat(event.data().get("conversationId").asString())
                            .isEqualTo(north.id().toString()));
            assertThat(southStream.events()).filteredOn(event -> !event.type().equals("ready"))
                    .allSatisfy(event -> assertThat(event.data().get("conversationId").asString())
                            .isEqualTo(south.id().toString()));
            assertThat(northStream.raw()).doesNotContain("south news");
            assertThat(southStream.raw()).doesNotContain("north news");
        }
    }

    @Test
    void anUntrustedIssuerOrAKeyOfAnotherIssuerIsA401Problem() {
        assertProblem(bearer(UNTRUSTED.token("olivia", Map.of("tenant", "north"))).get("/me"), 401, null);
        // Names the north issuer, but is signed with the south issuer's key.
        assertProblem(bearer(SOUTH.fromIssuer(NORTH.issuer, "olivia")).get("/me"), 401, null);
    }

    @Test
    void aTokenThatNamesNoTenantIsA401Problem() {
        String suffix = "-" + System.nanoTime();
        world("north", suffix);
        Answer answer = bearer(NORTH.token("olivia" + suffix)).get("/me");
        assertProblem(answer, 401, null);
        assertThat(answer.json().get("detail").asString()).contains("tenant");
    }
}

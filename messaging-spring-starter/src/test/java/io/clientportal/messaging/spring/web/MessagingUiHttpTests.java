package io.clientportal.messaging.spring.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web components' files at {@code /messaging-ui/}, served by a host with Spring Security's default chain beside
 * the starter's (the probe files of the test resources stand in for the {@code messaging-ui} jar): public, typed,
 * revalidated rather than cached blindly, and nothing outside the folder under any spelling.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class MessagingUiHttpTests {

    private static final String PROBE = "messaging-ui probe";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void aSignedOutVisitorGetsAScriptTypedAndMarkedForRevalidation() {
        HttpResponse<String> script = get("/messaging-ui/probe.js", Map.of());

        assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
        assertThat(script.body()).contains(PROBE);
        assertThat(header(script, "Content-Type")).isEqualToIgnoringCase("text/javascript;charset=UTF-8");
        assertThat(script.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(script.headers().allValues("Cache-Control")).containsExactly("no-cache");
        assertThat(header(script, "ETag")).matches("\"[0-9a-f]{64}\"");
        assertThat(header(script, "Last-Modified")).isNotBlank();
        // Public files leave nothing behind: no session, no CSRF cookie.
        assertThat(script.headers().allValues("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/messaging-ui/probe.css, text/css;charset=UTF-8",
            "/messaging-ui/types/probe.d.ts, text/plain;charset=UTF-8",
            "/messaging-ui/probe.json, application/json"})
    void eachKindOfFileHasItsContentType(String path, String contentType) {
        HttpResponse<String> file = get(path, Map.of());

        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(header(file, "Content-Type")).isEqualToIgnoringCase(contentType);
        assertThat(file.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void aBrowserRevalidatingWithTheETagOrTheDateGetsA304AndANewVersionWouldBeA200() {
        HttpResponse<String> first = get("/messaging-ui/probe.js", Map.of());
        String etag = header(first, "ETag");

        HttpResponse<String> byTag = get("/messaging-ui/probe.js", Map.of("If-None-Match", etag));
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(header(byTag, "ETag")).isEqualTo(etag);
        assertThat(byTag.headers().allValues("Cache-Control")).containsExactly("no-cache");

        HttpResponse<String> byDate = get("/messaging-ui/probe.js",
                Map.of("If-Modified-Since", header(first, "Last-Modified")));
        assertThat(byDate.statusCode()).isEqualTo(304);

        HttpResponse<String> otherVersion = get("/messaging-ui/probe.js",
                Map.of("If-None-Match", "\"" + "0".repeat(64) + "\""));
        assertThat(otherVersion.statusCode()).isEqualTo(200);
        assertThat(otherVersion.body()).contains(PROBE);
    }

    @Test
    void aMissingFileIsA404ForASignedOutVisitorNotALoginPrompt() {
        assertThat(get("/messaging-ui/missing.js", Map.of()).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messaging-ui", "/messaging-ui/", "/messaging-ui/types", "/messaging-ui/types/"})
    void noDirectoryIsListed(String path) {
        HttpResponse<String> answer = get(path, Map.of());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("probe");
    }

    /** Files of the starter's own jar and classes, next to the folder: none may be reached from it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/messaging-ui/../messaging/mail/notification-subject.txt",
            "/messaging-ui/types/../../messaging/mail/notification-subject.txt",
            "/messaging-ui/%2e%2e/messaging/mail/notification-subject.txt",
            "/messaging-ui/%2E%2E/messaging/mail/notification-subject.txt",
            "/messaging-ui/..%2fmessaging%2fmail%2fnotification-subject.txt",
            "/messaging-ui/%2e%2e%2fmessaging%2fmail%2fnotification-subject.txt",
            "/messaging-ui/%252e%252e/messaging/mail/notification-subject.txt",
            "/messaging-ui/..%5cmessaging%5cmail%5cnotification-subject.txt",
            "/messaging-ui/%5c..%5cmessaging%5cmail%5cnotification-subject.txt",
            "/messaging-ui/..;/messaging/mail/notification-subject.txt",
            "/messaging-ui//../messaging/mail/notification-subject.txt",
            "/messaging-ui/../../io/clientportal/messaging/spring/web/openapi.json",
            "/messaging-ui/%2e%2e/%2e%2e/io/clientportal/messaging/spring/web/openapi.json",
            "/messaging-ui/file:/etc/hostname",
            "/messaging-ui/classpath:META-INF/messaging/mail/notification-subject.txt"})
    void nothingOutsideTheFolderIsReachable(String path) {
        HttpResponse<String> answer = get(path, Map.of());

        assertThat(answer.statusCode()).as(path + " " + answer.body()).isIn(400, 404);
        // What the two files say (an error page may repeat the path asked for, never a file's content).
        assertThat(answer.body()).doesNotContain("unread message").doesNotContain("Client-portal messaging API");
    }

    @Test
    void onlyTheFilesArePublicTheApiAndTheHostsOtherPathsStillNeedASignIn() {
        assertThat(context.getBeansOfType(SecurityFilterChain.class))
                .containsKeys("messagingSecurityFilterChain", "messagingUiSecurityFilterChain");

        assertThat(get("/api/messaging/me", Map.of()).statusCode()).isEqualTo(401);
        // A path that merely starts with the same letters is the host's, under its default chain.
        assertThat(get("/messaging-uix/probe.js", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/private", Map.of()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}

package io.clientportal.messaging.examples.portal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over plain HTTP, as a reviewer checks them: a Content-Security-Policy that lets no inline script run,
 * pages that need none, and cookies that stay on this site. (That the page works under the policy is what
 * {@link PortalBrowserTests} shows.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-page-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/page-test-attachments"})
class PortalPageSecurityTests {

    /** Inline script or style: a script element without src, an event handler attribute, a style attribute. */
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageAndThePortalForbidInlineScript() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertStrictPolicy(login);
        assertThat(INLINE.matcher(login.body()).find()).as("inline script or style in /login").isFalse();

        String session = signIn("olivia");
        HttpResponse<String> portal = get("/", "SESSION=" + session);
        assertThat(portal.statusCode()).isEqualTo(200);
        assertStrictPolicy(portal);
        assertThat(INLINE.matcher(portal.body()).find()).as("inline script or style in /").isFalse();
        assertStrictPolicy(get("/", null));
    }

    @Test
    void theSessionAndCsrfCookiesAreSameSite() throws Exception {
        HttpResponse<String> options = get("/demo/sign-in-options", null);
        assertThat(options.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
        HttpResponse<String> login = login("olivia", options);
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theMessagingApiUnderThePortalsChainAnswersProblemsAndAsksSessionWritesForTheCsrfToken() throws Exception {
        HttpResponse<String> anonymous = get("/api/messaging/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        String session = signIn("olivia");
        HttpResponse<String> me = get("/api/messaging/me", "SESSION=" + session);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"olivia\"");
        String token = cookie(me, "XSRF-TOKEN");
        HttpRequest.Builder read = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/messaging/conversations/00000000-0000-7000-8000-000000000000/read"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seq\":1}"));
        HttpResponse<String> forged = http.send(read.copy().header("Cookie", "SESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        HttpResponse<String> withToken = http.send(read.copy()
                .header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(404);
    }

    @Test
    void theStartersWebComponentsAreOpenToASignedOutVisitorAndNothingBesideThem() throws Exception {
        // A missing file answers 404 rather than a login redirect: the folder is permitted, whatever is in it.
        HttpResponse<String> missing = get("/messaging-ui/no-such-file.js", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> beside = get("/messaging-uix/no-such-file.js", null);
        assertThat(beside.statusCode()).isEqualTo(302);
        assertThat(beside.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private static void assertStrictPolicy(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).as(response.uri().toString()).contains("script-src 'self'").contains("style-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    private String signIn(String username) throws Exception {
        HttpResponse<String> login = login(username, get("/demo/sign-in-options", null));
        assertThat(login.statusCode()).isEqualTo(204);
        return cookie(login, "SESSION");
    }

    private HttpResponse<String> login(String username, HttpResponse<String> before) throws Exception {
        String token = cookie(before, "XSRF-TOKEN");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Cookie", "XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + DemoPeople.PASSWORD, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + response.headers().allValues("Set-Cookie")));
    }
}

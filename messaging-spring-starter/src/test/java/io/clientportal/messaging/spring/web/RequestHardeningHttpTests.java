package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.PNG;
import static io.clientportal.messaging.spring.web.AbstractMessagingHttpTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API against hostile and careless requests, as an attacker or a sloppy client sends them: forged writes
 * riding on a session cookie, anonymous writes, requests the container or the firewall refuses before any
 * controller, values that don't fit their fields and names too long to keep. Each is a clear 4xx problem that names
 * what to fix, changes nothing and leaves no server session behind. Transport and mapping only, so one store.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"messaging.attachments.max-size=256KB", "logging.level.io.clientportal=INFO"})
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class RequestHardeningHttpTests {

    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    Portal portal;

    @DynamicPropertySource
    static void attachmentDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = java.nio.file.Files.createTempDirectory("messaging-attachments").toString();
        registry.add("messaging.attachments.storage-path", () -> directory);
    }

    @BeforeEach
    void setUpPortal() {
        portal = new Portal(messaging);
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/api/messaging";
    }

    private HttpCaller as(Who who) {
        return new HttpCaller(baseUrl(), portal.id(who));
    }

    private List<Message> history() {
        return messaging.messages().history(portal.actor(Who.OWNER), portal.conversation.id(),
                HistoryQuery.latest(50)).items();
    }

    // --- CSRF: no header switches it off ----------------------------------------------------------------------

    @Test
    void aSessionCookieWithABogusBearerTokenStillNeedsTheCsrfToken() {
        String session = signIn(Who.OWNER);
        Message cathys = messaging.messages().post(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id(),
                io.clientportal.messaging.model.NewMessage.text("original"));
        Message owners = messaging.messages().post(portal.actor(Who.OWNER), portal.conversation.id(),
                io.clientportal.messaging.model.NewMessage.text("mine"));
        String messages = portal.conversationPath() + "/messages";
        Map<String, String> forged = Map.of("Cookie", "JSESSIONID=" + session, "Authorization", "Bearer anything",
                "Content-Type", "application/json");

        assertForged(send("POST", messages, "{\"text\":\"forged\"}", forged));
        assertForged(send("PATCH", messages + "/" + owners.id(), "{\"text\":\"forged\"}", forged));
        assertForged(send("PUT", portal.conversationPath() + "/participants/" + portal.id(Who.TEAM_NOT_ADDED),
                "{\"access\":\"WRITE\"}", forged));
        assertForged(send("DELETE", messages + "/" + cathys.id(), null, forged));
        assertForged(send("POST", portal.conversationPath() + "/read", "{\"seq\":2}", forged));

        assertThat(history()).extracting(Message::text).containsExactly("original", "mine");
        assertThat(history()).noneMatch(Message::deleted).allMatch(m -> m.editedAt() == null);
        assertThat(messaging.conversations().participants(portal.actor(Who.OWNER), portal.conversation.id()))
                .extracting(Participant::teamMemberId).doesNotContain(portal.id(Who.TEAM_NOT_ADDED));

        // The session itself is good: with the token the same write goes through.
        HttpResponse<String> me = send("GET", "/me", null, Map.of("Cookie", "JSESSIONID=" + session));
        assertThat(me.statusCode()).isEqualTo(200);
        String token = cookie(me, "XSRF-TOKEN");
        HttpResponse<String> posted = send("POST", messages, "{\"text\":\"with the token\"}", Map.of(
                "Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token,
                "Content-Type", "application/json"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    private static void assertForged(HttpResponse<String> answer) {
        assertProblem(answer(answer), 403, null);
        assertThat(answer.body()).contains("CSRF");
    }

    /**
     * The token is made only where an answer needs it: reads make none, {@code /me} (where a client starts) hands
     * it out, and a write without it is still refused, its answer bringing the cookie to retry with.
     */
    @Test
    void readsMakeNoCsrfTokenAndWritesWithoutItAreStillRefused() {
        String session = signIn(Who.OWNER);
        String messages = portal.conversationPath() + "/messages";
        Map<String, String> bySession = Map.of("Cookie", "JSESSIONID=" + session);
        HttpResponse<String> page = send("GET", messages, null, bySession);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));
        HttpResponse<String> byBasic = send("GET", "/conversations", null, Map.of("Authorization",
                basic(portal.id(Who.OWNER), TestPortalApplication.PASSWORD)));
        assertThat(byBasic.statusCode()).as(byBasic.body()).isEqualTo(200);
        assertThat(byBasic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));
        HttpResponse<String> anonymous = send("GET", "/me", null, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));

        HttpResponse<String> refused = send("POST", messages, "{\"text\":\"without the token\"}", Map.of(
                "Cookie", "JSESSIONID=" + session, "Content-Type", "application/json"));
        assertForged(refused);
        String token = cookie(refused, "XSRF-TOKEN");
        assertForged(send("POST", messages, "{\"text\":\"with another header\"}", Map.of(
                "Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token + "x",
                "Content-Type", "application/json")));
        assertForged(send("POST", messages, "{\"text\":\"with a header and no cookie\"}", Map.of(
                "Cookie", "JSESSIONID=" + session, "X-XSRF-TOKEN", token, "Content-Type", "application/json")));

        HttpResponse<String> me = send("GET", "/me", null, bySession);
        assertThat(me.statusCode()).isEqualTo(200);
        String issued = cookie(me, "XSRF-TOKEN");
        HttpResponse<String> posted = send("POST", messages, "{\"text\":\"with the token\"}", Map.of(
                "Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + issued, "X-XSRF-TOKEN", issued,
                "Content-Type", "application/json"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        // A request that sends the cookie reads its token back: nothing new is made or written.
        assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(history()).extracting(Message::text).containsExactly("with the token");
    }

    @Test
    void theCsrfCookieIsSameSiteLax() {
        Answer me = as(Who.OWNER).get("/me");
        assertThat(me.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
    }

    // --- unauthenticated: 401, and no server session -----------------------------------------------------------

    @Test
    void unauthenticatedRequestsAre401AndLeaveNoSessionBehind() {
        String messages = portal.conversationPath() + "/messages";
        String owner = portal.id(Who.OWNER);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> wrongPassword = Map.of("Content-Type", "application/json", "Authorization",
                basic(owner, "wrong"));
        Map<String, String> bearer = Map.of("Content-Type", "application/json", "Authorization", "Bearer x");
        for (Map<String, String> headers : List.of(json, wrongPassword, bearer)) {
            List<HttpResponse<String>> answers = List.of(
                    send("GET", "/me", null, headers),
                    send("GET", "/no/such/endpoint", null, headers),
                    send("POST", messages, "{\"text\":\"anonymous\"}", headers),
                    send("PATCH", messages + "/0190c2a4-0000-7000-8000-000000000000", "{\"text\":\"x\"}", headers),
                    send("PUT", portal.conversationPath() + "/participants/" + portal.id(Who.TEAM_NOT_ADDED),
                            "{\"access\":\"WRITE\"}", headers),
                    send("DELETE", messages + "/0190c2a4-0000-7000-8000-000000000000", null, headers),
                    send("POST", "/attachments", "x", headers));
            for (HttpResponse<String> answer : answers) {
                assertProblem(answer(answer), 401, null);
                assertNoSession(answer);
            }
        }
        assertThat(history()).isEmpty();
    }

    // --- what the container and the firewall refuse -----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /api/messaging/..%2Fme", "GET /api/messaging/me%00", "GET /api/messaging/conversations/%ZZ",
            "GET /api/messaging/me;x=y", "GET /api/messaging/%2e%2e/me", "GET /api/messaging//me",
            "TRACE /api/messaging/me", "FOO /api/messaging/me", "GET /api/messaging/me%5Cx"})
    void requestsRefusedBeforeAnyControllerAreProblems(String requestLine) {
        String auth = "Authorization: " + basic(portal.id(Who.OWNER), TestPortalApplication.PASSWORD);
        for (String headers : new String[]{auth, ""}) {
            RawAnswer answer = raw(requestLine, headers);
            assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(answer.text()).startsWith("application/problem+json");
            JsonNode problem = HttpCaller.JSON.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
            assertThat(problem.get("detail").asString()).isNotBlank();
            assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
            assertThat(answer.text()).doesNotContain("JSESSIONID");
        }
    }

    @Test
    void pathsOutsideTheApiKeepTheApplicationsOwnErrorPages() {
        RawAnswer answer = raw("GET /elsewhere/..%2Fx", "");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).doesNotContain("problem+json");
    }

    @Test
    void unknownPathsAndWrongMethodsUnderTheApiAreProblems() {
        HttpCaller owner = as(Who.OWNER);
        Answer unknown = owner.get("/no/such/endpoint");
        assertProblem(unknown, 404, null);
        assertThat(unknown.json().get("detail").asString()).doesNotContain("static resource");
        assertProblem(owner.get(""), 404, null);
        assertProblem(owner.delete("/me"), 405, null);
        assertProblem(owner.raw("POST", "/conversations", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                405, null);
    }

    // --- values that don't fit their fields --------------------------------------------------------------------

    static Stream<Arguments> misfits() {
        String conversation = "/conversations/{c}";
        String big = "18446744073709551616";
        return Stream.of(
                Arguments.of("POST", conversation + "/read", "{\"seq\":" + big + "}", "seq"),
                Arguments.of("POST", conversation + "/read", "{\"seq\":-" + big + "}", "seq"),
                Arguments.of("POST", conversation + "/read", "{\"seq\":1e400}", "seq"),
                Arguments.of("POST", conversation + "/read", "{\"seq\":true}", "seq"),
                Arguments.of("POST", conversation + "/read", "{\"seq\":[1]}", "seq"),
                Arguments.of("POST", conversation + "/read", "{\"seq\":-1}", "seq"),
                Arguments.of("POST", conversation + "/read", "{\"seq\":null}", "seq"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":" + big + "}", "text"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":true}", "text"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":\"a\\ud800b\"}", "text"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":\"x\",\"clientMessageId\":" + big + "}",
                        "clientMessageId"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":\"x\",\"clientMessageId\":[\"a\"]}",
                        "clientMessageId"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":\"x\",\"attachmentIds\":[" + big + "]}",
                        "attachmentIds[0]"),
                Arguments.of("POST", conversation + "/messages", "{\"text\":\"x\",\"attachmentIds\":{}}",
                        "attachmentIds"),
                Arguments.of("PUT", conversation + "/participants/{agent}", "{\"access\":1}", "access"),
                Arguments.of("PUT", conversation + "/participants/{agent}", "{\"access\":true}", "access"),
                Arguments.of("PUT", conversation + "/participants/{agent}", "{\"access\":null}", "access"),
                Arguments.of("POST", "/announcements", "{\"audience\":{\"allClients\":true},\"text\":\"x\","
                        + "\"highlighted\":" + big + "}", "highlighted"),
                Arguments.of("POST", "/announcements", "{\"audience\":{\"allClients\":true},\"text\":\"x\","
                        + "\"highlighted\":\"yes\"}", "highlighted"),
                Arguments.of("POST", "/announcements", "{\"audience\":{\"allClients\":1},\"text\":\"x\"}",
                        "audience.allClients"),
                Arguments.of("POST", "/announcements", "{\"audience\":{\"clientAccountIds\":[" + big + "]},"
                        + "\"text\":\"x\"}", "audience.clientAccountIds[0]"),
                Arguments.of("POST", "/announcements", "{\"audience\":{\"clientAccountIds\":\"a\"},\"text\":\"x\"}",
                        "audience.clientAccountIds"),
                Arguments.of("POST", "/announcements", "{\"audience\":[],\"text\":\"x\"}", "audience"),
                Arguments.of("POST", "/announcements", "{\"audience\":{\"allClients\":true},\"text\":1.5}", "text"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("misfits")
    void aValueThatDoesNotFitItsFieldIsA400NamingIt(String method, String path, String body, String field) {
        HttpCaller caller = as(path.startsWith("/announcements") || path.contains("participants")
                ? Who.OWNER : Who.CLIENT_OF_ACCOUNT);
        String resolved = path.replace("{c}", portal.conversation.id().toString())
                .replace("{agent}", portal.id(Who.AGENT_WRITE));
        Answer answer = caller.raw(method, resolved, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 400, field);
        assertThat(history()).isEmpty();
    }

    @Test
    void queryNumbersThatDoNotFitAreA400NamingThem() {
        String messages = portal.conversationPath() + "/messages";
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertProblem(cathy.get(messages + "?limit=99999999999"), 400, "limit");
        assertProblem(cathy.get(messages + "?limit=0"), 400, "limit");
        assertProblem(cathy.get(messages + "?limit=-5"), 400, "limit");
        assertProblem(cathy.get(messages + "?before=18446744073709551616"), 400, "before");
        assertProblem(cathy.get(messages + "?after=1.5"), 400, "after");
        assertProblem(cathy.get("/conversations?limit=1e3"), 400, "limit");
        assertProblem(cathy.get("/conversations?unread=maybe"), 400, "unread");
    }

    // --- file names ---------------------------------------------------------------------------------------------

    @Test
    void aLongFileNameIsShortenedKeepingItsExtension() {
        Answer uploaded = as(Who.CLIENT_OF_ACCOUNT).upload("a".repeat(1000) + ".png", "image/png", PNG);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String name = uploaded.json().get("filename").asString();
        assertThat(name).hasSize(200).endsWith(".png").startsWith("aaaa");

        Answer accented = as(Who.CLIENT_OF_ACCOUNT).upload("é".repeat(1000) + ".png", "image/png", PNG);
        assertThat(accented.status()).as(accented.toString()).isEqualTo(201);
        assertThat(accented.json().get("filename").asString()).hasSize(200).endsWith(".png");
    }

    @Test
    void aFileNameBeyondWhatTheServerReadsIsA400NamingIt() {
        Answer answer = as(Who.CLIENT_OF_ACCOUNT).upload("a".repeat(40_000) + ".png", "image/png", PNG);
        assertProblem(answer, 400, "filename");
    }

    @Test
    void aFieldGivenTwiceIsA400NamingItNotTheLastOneWins() {
        HttpCaller cathy = as(Who.CLIENT_OF_ACCOUNT);
        assertProblem(cathy.post(portal.conversationPath() + "/messages", "{\"text\":\"a\",\"text\":\"b\"}"), 400,
                "text");
        assertProblem(as(Who.OWNER).post("/announcements", "{\"audience\":{\"allClients\":true,"
                + "\"allClients\":false},\"text\":\"x\"}"), 400, "audience.allClients");
        assertProblem(cathy.post(portal.conversationPath() + "/read", "{\"seq\":" + "1".repeat(2000) + "}"), 400,
                null);
        assertThat(history()).isEmpty();
    }

    @Test
    void anUploadOfTwoFilesIsRefusedRatherThanHalfStored() {
        String twoParts = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"b.txt\"\r\nContent-Type: text/plain\r\n\r\nworld\r\n--b--\r\n";
        assertProblem(as(Who.CLIENT_OF_ACCOUNT).raw("POST", "/attachments", "multipart/form-data; boundary=b",
                twoParts.getBytes(StandardCharsets.UTF_8)), 400, "file");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Signs in through the host's login form, as a browser would; the session cookie's value. */
    private String signIn(Who who) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = LOGIN_CSRF.matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();
            String form = "username=" + URLEncoder.encode(portal.id(who), StandardCharsets.UTF_8) + "&password="
                    + TestPortalApplication.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1),
                    StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID"))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.headers().toString()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return cookie(login, "JSESSIONID");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    private static void assertNoSession(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Set-Cookie")).as(response.uri() + " " + response.statusCode())
                .noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + response.headers().allValues("Set-Cookie")));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request line the HTTP client would refuse to send, on a plain socket. */
    private RawAnswer raw(String requestLine, String header) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            String request = requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (header.isEmpty() ? "" : header + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new RawAnswer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw HTTP/1.1 answer (chunked bodies are short enough to come in one chunk). */
    private record RawAnswer(String text) {

        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : head().split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return "";
        }

        String body() {
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            if (header("Transfer-Encoding").equalsIgnoreCase("chunked")) {
                int start = body.indexOf("\r\n") + 2;
                int length = Integer.parseInt(body.substring(0, start - 2).strip(), 16);
                return new String(body.substring(start).getBytes(StandardCharsets.UTF_8), 0, length,
                        StandardCharsets.UTF_8);
            }
            return body;
        }

        private String head() {
            return text.substring(0, text.indexOf("\r\n\r\n"));
        }
    }
}

package io.clientportal.messaging.spring.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One signed-in user of the portal talking to the real server over HTTP, as a browser client would: HTTP Basic,
 * cookies kept, and the CSRF token read from the {@code XSRF-TOKEN} cookie and sent back as {@code X-XSRF-TOKEN}.
 */
final class HttpCaller {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final java.util.regex.Pattern LOGIN_CSRF =
            java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    private final String user;
    private final String authorization;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    HttpCaller(String baseUrl, String user) {
        this(baseUrl, user, user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestPortalApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpCaller(String baseUrl, String user, String authorization) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A caller authenticated by a bearer token alone (no cookies vouch for it). */
    static HttpCaller bearer(String baseUrl, String token) {
        return new HttpCaller(baseUrl, null, "Bearer " + token);
    }

    /**
     * A caller signed in through the host's login form ({@code loginUrl}, Spring Security's default page), whose
     * session cookie then authenticates every request; no Authorization header.
     */
    static HttpCaller signedIn(String baseUrl, String loginUrl, String user) {
        HttpCaller caller = new HttpCaller(baseUrl, user, null);
        try {
            HttpResponse<String> page = caller.client.send(HttpRequest.newBuilder(URI.create(loginUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher csrf = LOGIN_CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page: " + page.body());
            }
            String form = "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + TestPortalApplication.PASSWORD + "&_csrf="
                    + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> login = caller.client.send(HttpRequest.newBuilder(URI.create(loginUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return caller;
    }

    /** Sends {@code name: value} with every request from now on (a gateway's tenant header, an Origin). */
    HttpCaller withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Someone not signed in. */
    static HttpCaller anonymous(String baseUrl) {
        return new HttpCaller(baseUrl, null);
    }

    String user() {
        return user;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** An OPTIONS request (a CORS preflight) with {@code headers}. */
    Answer options(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    Answer post(String path, String json) {
        return send(writeRequest(path, "application/json").POST(body(json)));
    }

    Answer post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = writeRequest(path, "application/json").POST(body(json));
        headers.forEach(request::header);
        return send(request);
    }

    Answer put(String path, String json) {
        return send(writeRequest(path, "application/json").PUT(body(json)));
    }

    Answer patch(String path, String json) {
        return send(writeRequest(path, "application/json").method("PATCH", body(json)));
    }

    Answer delete(String path) {
        return send(writeRequest(path, null).DELETE());
    }

    /** A raw request with the CSRF token, for bodies and content types a well-behaved client would not send. */
    Answer raw(String method, String path, String contentType, byte[] body) {
        return send(writeRequest(path, contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A write without the CSRF token. */
    Answer postWithoutCsrf(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    /** Uploads {@code bytes} as the multipart part {@code file}. */
    Answer upload(String filename, String contentType, byte[] bytes) {
        String boundary = "----messaging-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return raw("POST", "/attachments", "multipart/form-data; boundary=" + boundary, body);
    }

    /** Downloads raw bytes. */
    HttpResponse<byte[]> download(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the event stream (the caller reads it). */
    SseClient events(String lastEventId) {
        HttpRequest.Builder request = request("/events").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return SseClient.open(client, request.GET().build());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return request;
    }

    private HttpRequest.Builder writeRequest(String path, String contentType) {
        HttpRequest.Builder request = request(path).header("X-XSRF-TOKEN", csrfToken());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private String csrfToken() {
        Optional<String> token = cookie("XSRF-TOKEN");
        if (token.isEmpty()) {
            get("/me");
            token = cookie("XSRF-TOKEN");
        }
        return token.orElse("none");
    }

    private Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

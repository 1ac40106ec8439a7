package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event-stream client that stops reading its socket while thousands of events flow: every other stream on the
 * node keeps getting its events and its heartbeats, and the stuck stream is let go.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.sse.heartbeat-interval=200ms",
                "messaging.events.poll-interval=200ms",
                "messaging.events.buffer-size=1000",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@Import(SlowEventStreamHttpTests.SmallSocketBuffers.class)
class SlowEventStreamHttpTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A small send buffer on the server, so a client that stops reading blocks the server's writes soon. */
    @TestConfiguration
    static class SmallSocketBuffers {
        @Bean
        TomcatConnectorCustomizer smallSendBuffer() {
            return connector -> connector.setProperty("socket.txBufSize", "8192");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Test
    void aClientThatStopsReadingHoldsUpNoOtherStreamsEventsOrHeartbeats() throws Exception {
        Portal portal = new Portal(messaging);
        String base = "http://localhost:" + port + "/api/messaging";
        try (Socket stuck = openAndStopReading(portal.id(Who.OWNER));
             SseClient reader = new HttpCaller(base, portal.id(Who.MANAGER)).events(null).awaitSubscribed();
             SseClient idle = new HttpCaller(base, portal.id(Who.OTHER_CLIENT)).events(null).awaitSubscribed()) {
            String text = "x".repeat(2_000);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                String numbered = i + " " + text;
                messaging.messages().post(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id(),
                        NewMessage.text(numbered));
                sent.add(numbered);
                if (sent.size() % 250 == 0) {
                    // Paced so that the reading client never falls a buffer (1,000) behind even on a loaded
                    // machine: it must keep up while the stuck one holds its socket, not outrun a burst.
                    int posted = sent.size();
                    await().atMost(PATIENCE).until(() -> reader.ofType("MessagePosted").size() >= posted);
                }
            }
            messaging.messages().post(portal.actor(Who.CLIENT_OF_ACCOUNT), portal.conversation.id(),
                    NewMessage.text("after"));
            sent.add("after");

            await().atMost(PATIENCE).until(() -> reader.ofType("MessagePosted").size() >= sent.size());
            assertThat(reader.ofType("MessagePosted")).extracting(e -> e.data().get("message").get("text").asString())
                    .containsExactlyElementsOf(sent);
            int beats = idle.comments().size();
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.comments().size() >= beats + 5);

            // Once it reads again, the stuck client finds its stream ended with a reset naming where to resume.
            assertThat(readUntil(stuck, "event:StreamReset")).isTrue();
        }
    }

    private static boolean readUntil(Socket socket, String marker) throws Exception {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[64 * 1024];
        String tail = "";
        int n;
        while ((n = in.read(chunk)) > 0) {
            String seen = tail + new String(chunk, 0, n, StandardCharsets.ISO_8859_1);
            if (seen.contains(marker)) {
                return true;
            }
            tail = seen.substring(Math.max(0, seen.length() - marker.length()));
        }
        return false;
    }

    /** Opens {@code GET /events} on a socket with a small receive buffer, reads the response head, then stops. */
    private Socket openAndStopReading(String user) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestPortalApplication.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/messaging/events HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Basic " + credentials + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().contains("event:ready")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("event:ready");
        return socket;
    }
}

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import io.clientportal.messaging.spring.web.Portal.Who;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code messaging.web.sse.socket-buffer-size}: Tomcat's connections get socket buffers of that size, and what is
 * larger than them (a request body, an event, a response) still goes through whole.
 */
@SpringBootTest(classes = TestPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "messaging.web.sse.socket-buffer-size=1KB",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class SmallSocketBufferEventStreamHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void connectionsGetTheSocketBuffersAndLargerBodiesAndEventsPassWhole() throws Exception {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("1024");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("1024");

        Portal portal = new Portal(messaging);
        String base = "http://localhost:" + port + "/api/messaging";
        HttpCaller client = new HttpCaller(base, portal.id(Who.CLIENT_OF_ACCOUNT));
        String text = "nine kilobytes ".repeat(600);
        try (SseClient events = new HttpCaller(base, portal.id(Who.OWNER)).events(null).awaitSubscribed()) {
            Answer posted = client.post(portal.conversationPath() + "/messages",
                    HttpCaller.JSON.writeValueAsString(Map.of("text", text)));
            assertThat(posted.status()).isEqualTo(201);
            assertThat(events.awaitEvents("MessagePosted", 1)).singleElement()
                    .extracting(e -> e.data().get("message").get("text").asString()).isEqualTo(text);
            assertThat(client.get(portal.conversationPath() + "/messages").body()).contains(text);
        }
    }
}

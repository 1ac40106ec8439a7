package io.clientportal.messaging.spring.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.unit.DataSize;

/**
 * Sets the embedded Tomcat's per-connection socket buffers ({@code socket.appReadBufSize} and
 * {@code socket.appWriteBufSize}, 8 KB each by Tomcat's default) for {@code messaging.web.sse.socket-buffer-size}.
 * Every open event stream holds its connection's two buffers, and the request parser's buffer is the read buffer
 * plus the request header limit, so smaller ones make each stream hold less. Larger reads and writes pass the
 * buffers by (Tomcat reads and writes them straight from and to the socket), so bodies and downloads do not need
 * them.
 */
final class TomcatSocketBufferCustomizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final DataSize size;

    TomcatSocketBufferCustomizer(DataSize size) {
        this.size = DataSize.ofBytes(SocketBuffers.bytes(size));
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        String bytes = Long.toString(size.toBytes());
        factory.addConnectorCustomizers(connector -> {
            set(connector, "socket.appReadBufSize", bytes);
            set(connector, "socket.appWriteBufSize", bytes);
        });
    }

    private static void set(Connector connector, String name, String value) {
        if (!connector.setProperty(name, value)) {
            throw new IllegalStateException("Tomcat's connector did not take " + name + "=" + value);
        }
    }
}

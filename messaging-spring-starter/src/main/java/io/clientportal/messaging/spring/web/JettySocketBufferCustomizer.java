package io.clientportal.messaging.spring.web;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.unit.DataSize;

/**
 * For {@code messaging.web.sse.socket-buffer-size} on the embedded Jetty: every connection's request buffer (its HTTP
 * connection factory's input buffer, 8 KB by default) gets that size, and responses no longer gather small writes
 * (the HTTP configuration's output aggregation size is 0). Every open event stream holds both buffers, outside the
 * heap: the request buffer, and the response's gathering buffer (32 KB), which Jetty takes at a stream's first small
 * write and keeps until the response ends. Without gathering, a write is sent as it is made; the event streams write
 * each event in one write ({@link SseFrame}), so they lose nothing, and neither do responses written through a
 * buffer of their own (Jackson's, a resource copy's). The request parser reads a larger request in several fills, so
 * headers and bodies larger than the buffer still go through whole. Jetty's buffer pool hands out buffers in steps of
 * 4 KB, so sizes below that save no more.
 */
final class JettySocketBufferCustomizer implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

    private final int bytes;

    JettySocketBufferCustomizer(DataSize size) {
        this.bytes = SocketBuffers.bytes(size);
    }

    @Override
    public void customize(ConfigurableJettyWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            for (Connector connector : server.getConnectors()) {
                for (ConnectionFactory connectionFactory : connector.getConnectionFactories()) {
                    if (connectionFactory instanceof HttpConnectionFactory http) {
                        http.setInputBufferSize(bytes);
                        http.getHttpConfiguration().setOutputAggregationSize(0);
                    }
                }
            }
        });
    }
}

package io.clientportal.messaging.spring.web;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.util.unit.DataSize;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code messaging.web.sse.socket-buffer-size} on Jetty: every HTTP connector's request buffer gets that size and
 * responses gather no small writes (this
 * module's tests run on Tomcat, so the customizer is applied to a Jetty server of its own; the benchmark's smoke test
 * runs event streams on Jetty with it).
 */
class JettySocketBufferCustomizerTests {

    @Test
    void everyHttpConnectorGetsTheRequestBufferSizeAndGathersNoWrites() {
        List<JettyServerCustomizer> customizers = new ArrayList<>();
        new JettySocketBufferCustomizer(DataSize.ofKilobytes(1)).customize(factoryCollecting(customizers));
        Server server = new Server();
        ServerConnector first = new ServerConnector(server);
        ServerConnector second = new ServerConnector(server);
        server.addConnector(first);
        server.addConnector(second);

        customizers.forEach(customizer -> customizer.customize(server));

        for (ServerConnector connector : List.of(first, second)) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            assertThat(http.getInputBufferSize()).isEqualTo(1024);
            assertThat(http.getHttpConfiguration().getOutputAggregationSize()).isZero();
        }
    }

    @Test
    void aSizeThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new JettySocketBufferCustomizer(DataSize.ofBytes(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messaging.web.sse.socket-buffer-size");
    }

    /** A factory that keeps the server customizers it is given (the only call the customizer makes). */
    private static ConfigurableJettyWebServerFactory factoryCollecting(List<JettyServerCustomizer> customizers) {
        return (ConfigurableJettyWebServerFactory) Proxy.newProxyInstance(
                JettySocketBufferCustomizerTests.class.getClassLoader(),
                new Class<?>[] {ConfigurableJettyWebServerFactory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("addServerCustomizers")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    customizers.addAll(List.of((JettyServerCustomizer[]) args[0]));
                    return null;
                });
    }
}

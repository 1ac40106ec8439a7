package io.clientportal.messaging.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins outlive the instance that made them: sessions are kept in the database (Spring Session JDBC), so a
 * second instance on the same database, and the first one restarted, know the browser's session without a new
 * sign-in. Headless Chromium, as in {@link PortalBrowserTests}; fails under {@code CI=true} without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSessionBrowserTests {

    /** An in-memory H2 that outlives each application context, as a database server outlives its clients. */
    private static final String DATABASE = "jdbc:h2:mem:portal-session-tests;DB_CLOSE_DELAY=-1";

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private Browser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        Browser.requireAvailable();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aSignInHoldsOnASecondInstanceAndAfterARestart() throws IOException {
        ConfigurableApplicationContext first = start(0);
        int firstPort = port(first);
        browser = new Browser("http://localhost:" + firstPort, "sessions");
        browser.signIn("alice", "Alice Baker");
        browser.screenshot("session-first-instance");

        // A second instance on the same database: the browser's cookie (cookies are per host, not per port) names a
        // session that instance reads from the database.
        ConfigurableApplicationContext second = start(0);
        openPortal(port(second));
        browser.screenshot("session-second-instance");

        // The first instance stops and starts again on its port: the session is still there.
        first.close();
        instances.remove(first);
        start(firstPort);
        openPortal(firstPort);
        browser.screenshot("session-after-restart");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
    }

    /** Loads the portal page of the instance on {@code port} and waits until it shows the signed-in user, live. */
    private void openPortal(int port) {
        browser.driver().get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBe(By.id("user-name"), "Alice Baker"));
        browser.waitUntilLive();
        assertThat(browser.driver().getCurrentUrl()).startsWith("http://localhost:" + port + "/")
                .doesNotContain("/login");
    }

    private ConfigurableApplicationContext start(int port) {
        // Arguments, not default properties, so that they win over application.properties (an H2 file under ./data).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalDemoApplication.class).run(
                "--server.port=" + port,
                "--spring.datasource.url=" + DATABASE,
                "--messaging.attachments.storage-path=target/session-test-attachments",
                "--messaging.events.poll-interval=200ms");
        instances.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

package io.clientportal.messaging.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page test of the demo shares: headless Chromium windows on the test's server, opened once per class
 * ({@link #openBrowser}), checked after every test for Content-Security-Policy violations (the pages run with no
 * inline script or style), closed after the class. Under {@code CI=true} a missing Chromium fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserPageTests {

    @LocalServerPort
    int port;

    private final List<Browser> browsers = new ArrayList<>();

    /** A browser window of its own (its own profile, so its own session) on this test's server. */
    protected Browser openBrowser(String name) throws IOException {
        Browser.requireAvailable();
        Browser browser = new Browser("http://localhost:" + port, name);
        browsers.add(browser);
        return browser;
    }

    @AfterEach
    void nothingViolatedThePagesPolicy() {
        for (Browser browser : browsers) {
            assertThat(browser.policyViolations()).isEmpty();
        }
    }

    @AfterAll
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }
}

package io.clientportal.messaging.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page test of the demo shares: headless Chromium windows on the test's server, opened once per class
 * ({@link #openBrowser}), checked after every test for Content-Security-Policy violations (the pages run with no
 * inline script or style), closed after the class. Under {@code CI=true} a missing Chromium fails the test.
 * {@link #screenshot} names its files after the class, the test and the window's size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserPageTests {

    @LocalServerPort
    int port;

    private final List<Browser> browsers = new ArrayList<>();
    private String testName = "test";

    /** A browser window of its own (its own profile, so its own session) on this test's server. */
    protected Browser openBrowser(String name) throws IOException {
        Browser.requireAvailable();
        Browser browser = new Browser("http://localhost:" + port, name);
        browsers.add(browser);
        return browser;
    }

    @BeforeEach
    void rememberTheTest(TestInfo test) {
        testName = test.getTestMethod().map(Method::getName).orElse(test.getDisplayName());
    }

    /**
     * Saves what {@code browser} shows as target/screenshots/{Class}-{test}-{what}-{size}.png, for instance
     * PortalChatBrowserTests-participants-drawer-1024x768.png.
     */
    protected void screenshot(Browser browser, String what) throws IOException {
        browser.screenshot(getClass().getSimpleName() + "-" + testName + "-" + what + "-" + browser.sizeLabel());
    }

    /** The screen as a person sees it: screenshot, no horizontal overflow, no serious or critical axe violation. */
    protected void check(Browser browser, String what) throws IOException {
        screenshot(browser, what);
        browser.assertNoHorizontalOverflow(what);
        browser.axe(what);
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

package io.clientportal.messaging.examples.portal;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) signed in as one demo user at
 * a time, with the waits and look-ups the portal tests share.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The open conversation's messages the server accepted (not those on their way). */
    private static final String POSTED = "#message-list .message:not(.mu-pending)";

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path downloads;
    private final WebDriverWait wait;
    private Screen screen;   // null until use(): the window's own size (--window-size)

    Browser(String baseUrl, String name) throws IOException {
        this.baseUrl = baseUrl;
        Path profile = Files.createTempDirectory("portal-chromium-" + name);
        this.downloads = Files.createDirectories(Path.of("target", "downloads", name)).toAbsolutePath();
        try (var earlier = Files.list(downloads)) {
            for (Path file : earlier.toList()) {
                Files.delete(file);   // a file of an earlier run would make Chromium save "name (1).txt"
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1440,900", "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = waitOf(Duration.ofSeconds(20));
    }

    /** The page re-renders lists as they change, so a wait retries with fresh elements rather than fail. */
    private WebDriverWait waitOf(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Lets a browser test class run only where Chromium is: without it, the class fails under {@code CI=true}
     * ({@code .ci/run} installs it, so browser tests never go unrun there) and is skipped elsewhere, so a developer
     * without Chromium can still run {@code ./mvnw verify}.
     */
    static void requireAvailable() {
        if (available()) {
            return;
        }
        String missing = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)";
        missingUnderCi("Browser tests", missing);
    }

    /**
     * What a browser test does when a tool it needs is missing: fail under {@code CI=true} (where {@code .ci/run}
     * installs everything, so nothing goes unrun there), else skip, so a developer without it can still run
     * {@code ./mvnw verify}.
     */
    private static void missingUnderCi(String what, String missing) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing);
        }
        Assumptions.abort(what + " skipped: " + missing);
    }

    /** Signs out whoever was signed in, and signs in {@code username} through the login form. */
    Browser signIn(String username, String displayName) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoPeople.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("user-name"), displayName));
        wait.until(d -> !d.findElement(By.tagName("body")).getAttribute("class").contains("is-loading"));
        waitUntilLive();
        return this;
    }

    void waitUntilLive() {
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    }

    WebElement inboxRow(String clientAccountId) {
        return waitFor(By.cssSelector(".inbox-item[data-client-account-id='" + clientAccountId + "']"));
    }

    /** Opens a client's conversation from the inbox and waits for its history. */
    void open(String clientAccountId) {
        By row = By.cssSelector(".inbox-item[data-client-account-id='" + clientAccountId + "']");
        wait.until(d -> {
            d.findElement(row).click();
            return true;
        });
        wait.until(d -> d.findElement(row).getAttribute("data-conversation-id").equals(
                d.findElement(By.id("conversation")).getAttribute("data-conversation-id")));
        wait.until(d -> !d.findElements(By.cssSelector("#message-list .message")).isEmpty());
    }

    /** Types into the composer and sends with Enter. */
    void send(String text) {
        WebElement composer = waitFor(By.id("composer-text"));
        composer.sendKeys(text);
        composer.sendKeys(org.openqa.selenium.Keys.ENTER);
        messageWithText(text);
    }

    /**
     * The message of the open conversation whose text is exactly {@code text}, once the server has it: not while
     * the page still shows it as being sent (a {@code .mu-pending} node, "Sending…" or "Not sent").
     */
    WebElement messageWithText(String text) {
        return wait.until(d -> d.findElements(By.cssSelector(POSTED)).stream()
                .filter(message -> message.findElements(By.cssSelector(".text")).stream()
                        .anyMatch(node -> node.getText().equals(text)))
                .findFirst().orElse(null));
    }

    List<String> messageTexts() {
        return driver.findElements(By.cssSelector(POSTED + " .text")).stream()
                .map(WebElement::getText).toList();
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    <T> T until(ExpectedCondition<T> condition, Duration timeout) {
        return waitOf(timeout).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** What the console reported of Content-Security-Policy violations since the last call. */
    List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    /**
     * Makes the page's viewport exactly the screen's size (DevTools' device metrics, so the window's frame takes
     * nothing off it) and keeps it so across page loads.
     */
    Browser use(Screen screen) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", screen.width(), "height", screen.height(), "deviceScaleFactor", 1, "mobile", false));
        this.screen = screen;
        return this;
    }

    /** The screen given to {@link #use}, or null while the window keeps its own size. */
    Screen screen() {
        return screen;
    }

    /** "390x844": the viewport's size, as screenshots and assertion messages name it. */
    String sizeLabel() {
        return screen != null ? screen.label()
                : script("return window.innerWidth;") + "x" + script("return window.innerHeight;");
    }

    /**
     * Takes the browser off the network (as DevTools' "Offline" does: requests fail, navigator.onLine is false and
     * the page gets its offline event) or puts it back on, with {@code latency} added to every request.
     */
    void network(boolean online, Duration latency) {
        driver.executeCdpCommand("Network.enable", Map.of());
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("offline", !online);
        conditions.put("latency", latency.toMillis());
        conditions.put("downloadThroughput", -1);
        conditions.put("uploadThroughput", -1);
        driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
    }

    /**
     * Runs axe-core (messaging-ui's own devDependency, {@link #AXE}) on the page as it is now and fails with every
     * serious or critical violation: its rule, what it is about, and the selectors of the elements concerned.
     */
    void axe(String where) {
        requireAxe();
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
            try {
                script(Files.readString(AXE) + "\n;return true;");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + AXE, e);
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) asyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {resultTypes: ['violations']}).then(results => done(results.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                targets: v.nodes.map(node => node.target.join(' ')).slice(0, 8)}))))
                    .catch(error => done([{id: 'axe-failed', impact: 'critical', help: String(error), targets: []}]));
                """);
        String report = violations.stream()
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " -> " + v.get("targets"))
                .collect(Collectors.joining("\n  "));
        Assertions.assertTrue(violations.isEmpty(),
                () -> "axe-core at " + sizeLabel() + " on " + where + ":\n  " + report);
    }

    /** axe-core as npm installs it for messaging-ui (the Maven build runs npm ci there before this module). */
    static final Path AXE = repositoryRoot().resolve(Path.of("messaging-ui", "node_modules", "axe-core", "axe.min.js"));

    private static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(Path.of("messaging-ui", "package.json")))) {
                return folder;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** Without axe-core the accessibility checks cannot run: a failure under CI=true, else the test is skipped. */
    static void requireAxe() {
        if (Files.isRegularFile(AXE)) {
            return;
        }
        String missing = "axe-core is needed at " + AXE + " (cd messaging-ui && npm ci)";
        missingUnderCi("Accessibility checks", missing);
    }

    /**
     * Fails when the page is wider than the window: the document scrolls sideways, or a visible element's box leaves
     * the viewport, or an element that scrolls up and down also scrolls sideways. Inside an element that scrolls
     * sideways on purpose (overflow-x auto or scroll, overflow-y not) anything goes; form fields scroll their text.
     */
    void assertNoHorizontalOverflow(String where) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) script("""
                const width = document.documentElement.clientWidth;
                const problems = [];
                const scrolls = value => value === 'auto' || value === 'scroll';
                const name = node => node.tagName.toLowerCase() + (node.id ? '#' + node.id : '')
                        + [...node.classList].slice(0, 3).map(c => '.' + c).join('');
                const path = node => {
                    const parts = [];
                    for (let at = node; at && at !== document.body && parts.length < 4; at = at.parentElement) {
                        parts.unshift(name(at));
                    }
                    return parts.join(' > ');
                };
                if (document.documentElement.scrollWidth > width + 1) {
                    problems.push('the document scrolls sideways: ' + document.documentElement.scrollWidth
                            + 'px wide in a ' + width + 'px window');
                }
                for (const node of document.body.querySelectorAll('*')) {
                    const style = getComputedStyle(node);
                    if (style.visibility !== 'visible' || style.display === 'none') continue;
                    const box = node.getBoundingClientRect();
                    if (box.width < 2 || box.height < 2) continue;   // empty, or visually hidden (1px)
                    let onPurpose = false;
                    let inScroller = false;
                    for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
                        const around = getComputedStyle(up);
                        if (scrolls(around.overflowX) && !scrolls(around.overflowY)) { onPurpose = true; break; }
                        if (scrolls(around.overflowX)) { inScroller = true; break; }
                    }
                    if (onPurpose) continue;
                    if (!inScroller && (box.right > width + 1 || box.left < -1)) {
                        problems.push(path(node) + ' spans ' + Math.round(box.left) + '..' + Math.round(box.right)
                                + 'px of ' + width + 'px');
                    }
                    const field = ['TEXTAREA', 'INPUT', 'SELECT'].includes(node.tagName);
                    if (!field && scrolls(style.overflowX) && scrolls(style.overflowY)
                            && node.scrollWidth > node.clientWidth + 1) {
                        problems.push(path(node) + ' scrolls sideways: ' + node.scrollWidth + 'px in '
                                + node.clientWidth + 'px');
                    }
                }
                return problems.slice(0, 20);
                """);
        Assertions.assertTrue(problems.isEmpty(),
                () -> "horizontal overflow at " + sizeLabel() + " on " + where + ":\n  "
                        + String.join("\n  ", problems));
    }

    /** Saves a screenshot as target/screenshots/{name}.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

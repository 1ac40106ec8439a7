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
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) signed in as one demo user at
 * a time, with the waits and look-ups the portal tests share.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path downloads;
    private final WebDriverWait wait;

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
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing);
        }
        Assumptions.abort("Browser tests skipped: " + missing);
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

    /** The message of the open conversation whose text is exactly {@code text}, once it is shown. */
    WebElement messageWithText(String text) {
        return wait.until(d -> d.findElements(By.cssSelector("#message-list .message")).stream()
                .filter(message -> message.findElements(By.cssSelector(".text")).stream()
                        .anyMatch(node -> node.getText().equals(text)))
                .findFirst().orElse(null));
    }

    List<String> messageTexts() {
        return driver.findElements(By.cssSelector("#message-list .message .text")).stream()
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

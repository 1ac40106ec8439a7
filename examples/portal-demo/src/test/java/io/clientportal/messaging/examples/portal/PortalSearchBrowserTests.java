package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search box in real browsers, on a laptop (1366x768) and a phone (390x844): the team and a client each find
 * only what they may see, a hit opens its conversation, and markup in a message shows as text in the snippet with
 * only the matched words marked. Each test leaves a screenshot in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-search-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/browser-test-attachments",
        "messaging.web.rate-limit.enabled=false"})
class PortalSearchBrowserTests extends BrowserPageTests {

    private static final String LAPTOP = "1366x768";
    private static final String PHONE = "390x844";

    @Autowired
    Messaging messaging;

    private Browser browser;

    @BeforeAll
    void openBrowsers() throws IOException {
        browser = openBrowser("search");
    }

    @ParameterizedTest
    @ValueSource(strings = {LAPTOP, PHONE})
    void anAgentFindsOnlyTheirConversationsAndAHitOpensItsConversation(String size) throws IOException {
        String word = word();
        post("alice", "acme", "The packaging invoice " + word + " is attached");
        post("gina", "globex", "Globex invoice " + word + " is overdue");
        resize(size);
        browser.signIn("aiden", "Aiden Brooks");

        List<WebElement> hits = search(word, 1);
        assertThat(hits.get(0).getText()).contains("Acme Bakery Ltd").contains("The packaging invoice");
        assertThat(hits.get(0).findElements(By.tagName("mark"))).extracting(WebElement::getText)
                .containsExactly(word);
        assertFits();
        browser.screenshot("search-team-" + size);

        hits.get(0).click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("search-panel")));
        browser.until(d -> conversationOf("acme").toString().equals(
                d.findElement(By.id("conversation")).getAttribute("data-conversation-id")));
        browser.messageWithText("The packaging invoice " + word + " is attached");
    }

    @ParameterizedTest
    @ValueSource(strings = {LAPTOP, PHONE})
    void aClientFindsOnlyTheirOwnConversationsMessages(String size) throws IOException {
        String word = word();
        post("alice", "acme", "Receipt " + word + " for the menu boards");
        post("isabel", "isabel-novak", "Receipt " + word + " for the portfolio");
        resize(size);
        browser.signIn("bob", "Bob Stone");

        List<WebElement> hits = search("receipt " + word, 1);
        assertThat(hits.get(0).getText()).contains("for the menu boards").doesNotContain("portfolio");
        assertFits();
        browser.screenshot("search-client-" + size);
    }

    @ParameterizedTest
    @ValueSource(strings = {LAPTOP, PHONE})
    void markupInAHitIsShownAsTextWithOnlyTheMatchedWordsMarked(String size) throws IOException {
        String word = word();
        String hostile = "<img src=x onerror=alert(1)><b>bold</b> quote " + word + " <script>alert(2)</script>";
        post("alice", "acme", hostile);
        resize(size);
        browser.signIn("alice", "Alice Baker");

        WebElement hit = search(word, 1).get(0);
        WebElement snippet = hit.findElement(By.className("search-snippet"));
        assertThat(snippet.getText()).isEqualTo(hostile);
        assertThat(snippet.findElements(By.xpath(".//*"))).extracting(WebElement::getTagName)
                .containsExactly("mark");
        assertThat(snippet.findElement(By.tagName("mark")).getText()).isEqualTo(word);
        assertThat(browser.driver().findElements(By.cssSelector("#search-results img, #search-results script,"
                + " #search-results b"))).isEmpty();
        // onerror would have fired by now; give a dialog a moment to show up anyway.
        assertThatThrownBy(() -> browser.until(ExpectedConditions.alertIsPresent(), Duration.ofSeconds(2)))
                .isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("search-markup-" + size);

        // A query of nothing but punctuation is refused with a hint, not an error page.
        WebElement input = browser.waitFor(By.id("search-input"));
        input.clear();
        input.sendKeys("%%%", Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.id("search-status"), "Type a word or two to search for."));
    }

    /** Types a query, submits it and waits for exactly {@code count} hits. */
    private List<WebElement> search(String query, int count) {
        WebElement input = browser.waitFor(By.id("search-input"));
        input.clear();
        input.sendKeys(query, Keys.ENTER);
        browser.waitFor(By.id("search-panel"));
        browser.until(ExpectedConditions.textMatches(By.id("search-status"), java.util.regex.Pattern.compile(
                "^\\d+\\+? messages? found$|^No messages found\\.$")));
        List<WebElement> hits = browser.driver().findElements(By.cssSelector("#search-results .search-hit"));
        assertThat(hits).hasSize(count);
        return hits;
    }

    /** The box and the panel stay inside the window, whatever its size. */
    private void assertFits() {
        long width = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        for (String id : List.of("search-form", "search-panel")) {
            Number right = (Number) browser.script("return document.getElementById(arguments[0])"
                    + ".getBoundingClientRect().right;", id);
            Number left = (Number) browser.script("return document.getElementById(arguments[0])"
                    + ".getBoundingClientRect().left;", id);
            assertThat(left.doubleValue()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(right.doubleValue()).as(id).isLessThanOrEqualTo(width);
        }
    }

    private void resize(String size) {
        String[] parts = size.split("x");
        browser.driver().manage().window().setSize(new Dimension(Integer.parseInt(parts[0]),
                Integer.parseInt(parts[1])));
    }

    private void post(String clientUser, String accountId, String text) {
        messaging.messages().post(Actor.clientUser(clientUser), conversationOf(accountId), NewMessage.text(text));
    }

    private ConversationId conversationOf(String clientAccountId) {
        return messaging.conversations().conversationOf(Actor.teamMember("olivia"), clientAccountId).id();
    }

    /** A word no other message has. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}

package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * @mentions on the portal page, on a laptop and on a phone: typing "@" in the team composer lists the team members
 * who can see the conversation, choosing one writes "@Name" and sends their id with the message, and the mentioned
 * member's inbox shows a mention badge, a mention total and the "Mentions" filter, all cleared once they read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-mentions-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/browser-test-attachments",
        "messaging.web.rate-limit.enabled=false"})
class PortalMentionsBrowserTests extends BrowserPageTests {

    private static final By SUGGESTIONS = By.cssSelector("#mention-suggestions .mention-option");
    private static final By ACME_MENTION_BADGE = By.cssSelector(
            ".inbox-item[data-client-account-id='acme'] .badge-mention");

    @Autowired
    Messaging messaging;

    private Browser agent;
    private Browser manager;

    @BeforeAll
    void openBrowsers() throws IOException {
        agent = openBrowser("mentions-agent");
        manager = openBrowser("mentions-manager");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void aMentionChosenInTheComposerReachesTheMentionedManagersInbox(int width, int height) throws IOException {
        String size = width + "x" + height;
        for (Browser browser : List.of(agent, manager)) {
            browser.driver().manage().window().setSize(new Dimension(width, height));
        }
        manager.signIn("maya", "Maya Chen");
        agent.signIn("aiden", "Aiden Brooks");
        agent.open("acme");

        WebElement composer = agent.waitFor(By.id("composer-text"));
        composer.sendKeys("@");
        // Who can see Acme's conversation: owners, admins and managers, and its participants (not Ava, not me).
        agent.until(d -> suggested(agent).equals(List.of("adam", "maya", "olivia", "walter")));
        composer.sendKeys("ma");
        agent.until(d -> suggested(agent).equals(List.of("maya")));
        agent.screenshot("mentions-suggestions-" + size);
        composer.sendKeys(Keys.ENTER);
        agent.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mention-suggestions")));
        assertThat(composer.getAttribute("value")).isEqualTo("@Maya Chen ");
        String text = "@Maya Chen can you check the prices? " + UUID.randomUUID().toString().substring(0, 8);
        composer.sendKeys(text.substring("@Maya Chen ".length()));
        composer.sendKeys(Keys.ENTER);
        agent.messageWithText(text);

        ConversationId acme = messaging.conversations().conversationOf(Actor.teamMember("olivia"), "acme").id();
        List<Message> history = messaging.messages().history(Actor.teamMember("olivia"), acme,
                HistoryQuery.latest(1)).items();
        assertThat(history.get(0).text()).isEqualTo(text);
        assertThat(history.get(0).mentions()).containsExactly("maya");

        // Maya's inbox shows it live: the mention badge, the total, and the filter lists the conversation.
        manager.until(ExpectedConditions.textToBe(ACME_MENTION_BADGE, "@1"));
        manager.until(ExpectedConditions.textToBe(By.id("mention-total"), "1"));
        manager.waitFor(By.id("filter-mentions")).click();
        manager.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(".inbox-item"));
            return rows.size() == 1 && "acme".equals(rows.get(0).getAttribute("data-client-account-id"));
        });
        manager.screenshot("mentions-inbox-" + size);
        manager.open("acme");
        manager.messageWithText(text);
        manager.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mention-total")));
        manager.screenshot("mentions-read-" + size);
    }

    @Test
    void aClientsPageHasNoMentionsFilter() {
        agent.driver().manage().window().setSize(new Dimension(1366, 768));
        agent.signIn("alice", "Alice Baker");

        agent.waitFor(By.id("composer-text")).sendKeys("@");
        assertThat(agent.driver().findElement(By.id("filter-mentions")).isDisplayed()).isFalse();
        assertThat(agent.driver().findElement(By.id("mention-suggestions")).isDisplayed()).isFalse();
    }

    private static List<String> suggested(Browser browser) {
        return browser.driver().findElements(SUGGESTIONS).stream()
                .map(option -> option.getAttribute("data-team-member-id")).sorted().toList();
    }
}

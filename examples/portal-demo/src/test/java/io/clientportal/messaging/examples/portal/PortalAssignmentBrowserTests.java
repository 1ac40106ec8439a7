package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.TeamState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignment and team status on the page, at a laptop's and a phone's size: the team assigns a conversation and sets
 * its status from the conversation header, filters the inbox (All, Mine, Unassigned, by status), sees a client's
 * message reopen it live; the client's page shows none of it, nor does its API answer carry it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-assignment-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/browser-test-attachments",
        "messaging.web.rate-limit.enabled=false"})
class PortalAssignmentBrowserTests extends BrowserPageTests {

    private static final Actor OLIVIA = Actor.teamMember("olivia");

    @Autowired
    Messaging messaging;

    private Browser team;
    private Browser client;

    @BeforeAll
    void openBrowsers() throws IOException {
        team = openBrowser("assignment-team");
        client = openBrowser("assignment-client");
    }

    @AfterEach
    void theConversationIsOpenAndUnassignedAgain() {
        ConversationId acme = conversationOf("acme");
        messaging.conversations().assign(OLIVIA, acme, null);
        messaging.conversations().setStatus(OLIVIA, acme, ConversationStatus.OPEN);
    }

    /** The widest screen with the phone layout (one pane at a time, see portal.css). */
    private static final int PHONE_WIDTH = 700;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void theTeamAssignsSetsTheStatusAndFiltersWhileTheClientSeesNoneOfIt(int width, int height) throws IOException {
        String size = width + "x" + height;
        resize(team, width, height);
        resize(client, width, height);
        team.signIn("aiden", "Aiden Brooks");
        client.signIn("alice", "Alice Baker");
        team.open("acme");

        // Whoever can see the conversation may be assigned: owners, admins, managers and its participants.
        WebElement assignee = team.waitFor(By.id("assignee-select"));
        assertThat(new Select(assignee).getOptions()).extracting(WebElement::getText).containsExactlyInAnyOrder(
                "Unassigned", "Olivia Hart", "Adam Price", "Maya Chen", "Aiden Brooks", "Walter Reed");
        assertThat(new Select(assignee).getFirstSelectedOption().getText()).isEqualTo("Unassigned");
        assertWithinViewport(team, assignee, width);
        assertWithinViewport(team, team.waitFor(By.id("status-select")), width);

        new Select(assignee).selectByVisibleText("Aiden Brooks");
        team.until(ExpectedConditions.attributeToBe(By.id("team-state"), "data-assignee", "aiden"));
        new Select(team.waitFor(By.id("status-select"))).selectByValue("WAITING");
        team.until(ExpectedConditions.attributeToBe(By.id("team-state"), "data-status", "WAITING"));
        if (width <= PHONE_WIDTH) {
            // A phone shows the inbox or the conversation: back to the inbox, as a person would.
            team.driver().findElement(By.id("conversation-back")).click();
        }
        team.until(ExpectedConditions.textToBe(
                By.cssSelector(".inbox-item[data-client-account-id='acme'] .team-tag"), "Waiting · Aiden"));
        TeamState stored = messaging.conversations().get(OLIVIA, conversationOf("acme")).team();
        assertThat(stored.assigneeId()).isEqualTo("aiden");
        assertThat(stored.status()).isEqualTo(ConversationStatus.WAITING);
        team.screenshot("assignment-header-" + size);

        // Mine: Aiden's conversations that are his (he also takes part in Isabel's, which is nobody's).
        filter("mine");
        team.until(d -> inboxAccounts(d).equals(List.of("acme")));
        filter("unassigned");
        team.until(d -> inboxAccounts(d).contains("isabel-novak") && !inboxAccounts(d).contains("acme"));
        filter("all");
        status("WAITING");
        team.until(d -> inboxAccounts(d).equals(List.of("acme")));
        status("DONE");
        team.until(d -> inboxAccounts(d).isEmpty());
        status("");
        team.until(d -> inboxAccounts(d).containsAll(List.of("acme", "isabel-novak")));
        team.screenshot("assignment-inbox-" + size);

        // The client's page has neither the controls nor the data.
        client.until(d -> !d.findElements(By.cssSelector("#message-list .message")).isEmpty());
        assertThat(client.driver().findElements(By.cssSelector("#team-state, #team-filter")))
                .allSatisfy(control -> assertThat(control.isDisplayed()).isFalse());
        assertThat(client.driver().findElements(By.cssSelector(".team-tag"))).isEmpty();
        assertThat(client.driver().findElement(By.tagName("body")).getText())
                .doesNotContain("Assignee").doesNotContain("Waiting").doesNotContain("Unassigned");
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) client.asyncScript("""
                const done = arguments[arguments.length - 1];
                const get = path => fetch('/api/messaging' + path, {credentials: 'same-origin',
                    headers: {Accept: 'application/json'}}).then(r => r.text());
                Promise.all([get('/conversations'), get('/conversations/' + arguments[0])])
                    .then(([inbox, conversation]) => done({inbox, conversation}));
                """, conversationOf("acme").toString());
        assertThat(answers.values()).allSatisfy(body -> assertThat((String) body)
                .doesNotContain("\"team\"").doesNotContain("WAITING").doesNotContain("assignee"));
        client.screenshot("assignment-client-" + size);

        // The client writes again: the team sees the conversation reopened, live.
        client.send("One more question about the menu boards");
        if (width <= PHONE_WIDTH) {
            team.open("acme");   // the phone showed the inbox since the filters
        }
        team.until(ExpectedConditions.attributeToBe(By.id("team-state"), "data-status", "OPEN"));
        assertThat(new Select(team.driver().findElement(By.id("status-select"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("OPEN");
        assertThat(new Select(team.driver().findElement(By.id("assignee-select"))).getFirstSelectedOption()
                .getText()).isEqualTo("Aiden Brooks");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void aWatcherSeesTheTeamStateButCannotChangeIt(int width, int height) throws IOException {
        messaging.conversations().assign(OLIVIA, conversationOf("acme"), "aiden");
        resize(team, width, height);
        team.signIn("walter", "Walter Reed");
        team.open("acme");
        WebElement assignee = team.waitFor(By.id("assignee-select"));
        assertThat(new Select(assignee).getFirstSelectedOption().getText()).isEqualTo("Aiden Brooks");
        assertThat(assignee.isEnabled()).isFalse();
        assertThat(team.driver().findElement(By.id("status-select")).isEnabled()).isFalse();
        team.screenshot("assignment-watcher-" + width + "x" + height);
    }

    private void filter(String assignment) {
        team.waitFor(By.cssSelector("[data-assignment='" + assignment + "']")).click();
    }

    private void status(String value) {
        new Select(team.waitFor(By.id("status-filter"))).selectByValue(value);
    }

    private static List<String> inboxAccounts(WebDriver driver) {
        return driver.findElements(By.cssSelector(".inbox-item")).stream()
                .map(row -> row.getAttribute("data-client-account-id")).toList();
    }

    private static void resize(Browser browser, int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }

    /** The control is on the screen, not cut off at the right edge (a phone's narrow viewport). */
    private static void assertWithinViewport(Browser browser, WebElement element, int width) {
        Rectangle rect = element.getRect();
        long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
        assertThat(rect.getX()).isGreaterThanOrEqualTo(0);
        assertThat(rect.getX() + rect.getWidth()).isLessThanOrEqualTo((int) Math.min(viewport, width));
    }

    private ConversationId conversationOf(String accountId) {
        return messaging.conversations().conversationOf(OLIVIA, accountId).id();
    }
}

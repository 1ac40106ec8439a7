package io.clientportal.messaging.examples.portal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal notes on the portal's page, on a desktop and on a phone: a team member switches the composer to
 * "Internal note" and posts one, which the team sees as a yellow card; the client's page, live and reloaded, shows
 * no trace of it (not in the DOM, its message count, unread count and last seq unchanged by it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-notes-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/browser-test-attachments",
        "messaging.web.rate-limit.enabled=false"})
class PortalNotesBrowserTests extends BrowserPageTests {

    private Browser team;
    private Browser client;

    @BeforeAll
    void openBrowsers() throws IOException {
        team = openBrowser("notes-team");
        client = openBrowser("notes-client");
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"desktop, 1366, 768", "phone, 390, 844"})
    void aTeamMembersNoteLeavesNoTraceOnTheClientsPage(String device, int width, int height) throws IOException {
        String secret = "Alice pays late, ask for a deposit " + UUID.randomUUID();
        String reply = "Your proofs are ready " + UUID.randomUUID();
        for (Browser browser : new Browser[]{team, client}) {
            browser.driver().manage().window().setSize(new Dimension(width, height));
        }
        team.signIn("aiden", "Aiden Brooks");
        client.signIn("alice", "Alice Baker");
        client.until(d -> !d.findElements(By.cssSelector("#message-list .message")).isEmpty());
        assertThat(client.driver().findElement(By.id("composer-mode")).isDisplayed()).isFalse();
        int clientMessages = client.messageTexts().size();
        String clientMeBefore = fetchJson(client, "/api/messaging/me");

        team.open("acme");
        team.waitFor(By.cssSelector("#composer-mode button[data-mode='note']")).click();
        team.until(ExpectedConditions.attributeToBe(By.cssSelector("#composer-mode button[data-mode='note']"),
                "aria-pressed", "true"));
        team.send(secret);
        WebElement note = team.messageWithText(secret);
        assertThat(note.getAttribute("class")).contains("internal-note");
        assertThat(note.findElement(By.cssSelector(".note-label")).getText()).isEqualToIgnoringCase("Internal note");
        team.screenshot("notes-team-" + device);

        // Back to replies: the client gets the reply live, after the note, and never the note.
        team.driver().findElement(By.cssSelector("#composer-mode button[data-mode='reply']")).click();
        team.send(reply);
        assertThat(team.messageWithText(reply).getAttribute("class")).doesNotContain("internal-note");
        client.messageWithText(reply);
        assertNoTrace(client, secret);
        assertThat(client.messageTexts()).hasSize(clientMessages + 1);
        client.screenshot("notes-client-" + device);

        // A reload reads the history afresh: still no note, and the counts are those of what the client sees.
        client.driver().navigate().refresh();
        client.messageWithText(reply);
        assertNoTrace(client, secret);
        assertThat(client.messageTexts()).hasSize(clientMessages + 1);
        String history = fetchJson(client, "/api/messaging/conversations/"
                + client.driver().findElement(By.id("conversation")).getAttribute("data-conversation-id"));
        assertThat(history).doesNotContain(secret);
        assertThat(fetchJson(client, "/api/messaging/me")).isEqualTo(clientMeBefore);
    }

    private static void assertNoTrace(Browser browser, String secret) {
        assertThat(browser.driver().getPageSource()).doesNotContain(secret).doesNotContain("internal-note");
        assertThat(browser.driver().findElements(By.cssSelector(".internal-note, .note-label"))).isEmpty();
        assertThat(browser.messageTexts()).noneMatch(text -> text.contains(secret));
    }

    /** A GET of the API from the page's session, its body as text. */
    private static String fetchJson(Browser browser, String path) {
        return (String) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], { credentials: 'same-origin' }).then(r => r.text()).then(done);", path);
    }
}

package io.clientportal.messaging.examples.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.NewMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's Mailbox in real browsers, on a laptop (1366x768) and a phone (390x844): the team posts, the (test's
 * near-zero) delay passes and the client's notification email arrives in their Mailbox, shown as text; the client
 * replies with the page's form, through the demo mail server's SMTP, and the reply shows in the team's
 * conversation. Each test leaves a screenshot in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-mailbox-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/browser-test-attachments",
        "messaging.web.rate-limit.enabled=false",
        "messaging.notifications.client-delay=1ms",
        "messaging.notifications.interval=1ms",
        "messaging.notifications.poll-interval=200ms",
        "demo.mail.reply-poll-interval=200ms"})
class PortalMailboxBrowserTests extends BrowserPageTests {

    @Autowired
    Messaging messaging;

    @Autowired
    GreenMail mailServer;

    private Browser browser;

    @BeforeAll
    void openBrowsers() throws IOException {
        browser = openBrowser("mailbox");
    }

    @ParameterizedTest
    @CsvSource({"1366x768, isabel, Isabel Novak, isabel-novak", "390x844, liam, Liam Walsh, liam-walsh"})
    void aClientRepliesToTheNotificationInTheirMailboxAndTheTeamSeesTheReply(String size, String client,
                                                                             String name, String account)
            throws IOException {
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String posted = "Your <b>proofs</b> are ready " + word;
        messaging.messages().post(Actor.teamMember("olivia"), conversationOf(account), NewMessage.text(posted));
        resize(size);
        browser.signIn(client, name);
        // The mailbox page lists what has arrived when it loads: open it once the notification is there (else its
        // first item is an older mail), as a person opens their mail after it came.
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
                        mailServer.getReceivedMessagesForDomain(DemoMail.addressOf(client)))
                .anyMatch(mail -> GreenMailUtil.getWholeMessage(mail).contains(word)));
        browser.driver().get("http://localhost:" + port + "/mailbox");

        // The list is newest first by the mails' Date header, to the second: an earlier mail of the same second
        // may come first, so open the one that holds the word (on a phone, Back to the list between two).
        WebElement text = browser.until(d -> {
            List<WebElement> items = d.findElements(By.cssSelector(".mailbox-item"));
            for (int i = 0; i < items.size(); i++) {
                WebElement back = d.findElement(By.id("mailbox-back"));
                if (back.isDisplayed()) {
                    back.click();
                }
                d.findElements(By.cssSelector(".mailbox-item")).get(i).click();
                WebElement shown = d.findElement(By.id("mail-text"));
                if (shown.getText().contains(word)) {
                    return shown;
                }
            }
            return null;
        });
        assertThat(text.getText()).contains(posted);
        assertThat(text.findElements(By.xpath(".//*"))).isEmpty();
        assertFits("mailbox-reader");
        browser.screenshot("mailbox-mail-" + size);

        String reply = "Approved, print them " + word;
        browser.waitFor(By.id("reply-text")).sendKeys(reply);
        browser.driver().findElement(By.id("reply-send")).click();
        browser.until(d -> d.findElement(By.id("reply-status")).getText().startsWith("Sent"));
        browser.screenshot("mailbox-replied-" + size);

        await().atMost(Duration.ofSeconds(15)).until(() -> messaging.messages().history(Actor.teamMember("olivia"),
                conversationOf(account), HistoryQuery.latest(20)).items().stream()
                .anyMatch(m -> m.text().equals(reply) && m.author().equals(Actor.clientUser(client))));
        browser.signIn("olivia", "Olivia Hart");
        browser.open(account);
        browser.messageWithText(reply);
        // The Mailbox link fits the team's top bar: nothing runs off the page sideways.
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).longValue())
                .isLessThanOrEqualTo(((Number) browser.script("return document.documentElement.clientWidth;"))
                        .longValue());
        browser.screenshot("mailbox-team-sees-reply-" + size);
    }

    private void assertFits(String id) {
        long width = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        Number right = (Number) browser.script("return document.getElementById(arguments[0])"
                + ".getBoundingClientRect().right;", id);
        assertThat(right.doubleValue()).as(id).isLessThanOrEqualTo(width);
        for (String other : List.of("mailbox-list")) {
            Number left = (Number) browser.script("return document.getElementById(arguments[0])"
                    + ".getBoundingClientRect().left;", other);
            assertThat(left.doubleValue()).as(other).isGreaterThanOrEqualTo(0);
        }
    }

    private void resize(String size) {
        String[] parts = size.split("x");
        browser.driver().manage().window().setSize(new Dimension(Integer.parseInt(parts[0]),
                Integer.parseInt(parts[1])));
    }

    private ConversationId conversationOf(String clientAccountId) {
        return messaging.conversations().conversationOf(Actor.teamMember("olivia"), clientAccountId).id();
    }
}

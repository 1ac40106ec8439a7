package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat page (messaging-ui's {@code <messaging-chat>} in the demo) used as people use it, at three window sizes
 * ({@link Screen}): a team member (olivia, the owner; aiden, an agent, where access matters) and a client (alice,
 * and bob of the same organisation) click through the inbox, a conversation, the participants panel or drawer and
 * the announcement dialog. Every screen they reach is photographed (target/screenshots), checked for horizontal
 * overflow and run through axe-core (no serious or critical violation); the page's policy check runs after each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-chat-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/chat-browser-test-attachments",
        "messaging.web.rate-limit.enabled=false"})
class PortalChatBrowserTests extends BrowserPageTests {

    @Autowired
    Messaging messaging;

    @Autowired
    PostGate posts;

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowPosts {

        @Bean
        PostGate postGate() {
            return new PostGate();
        }

        @Bean
        FilterRegistrationBean<PostGate> postGateRegistration(PostGate gate) {
            FilterRegistrationBean<PostGate> registration = new FilterRegistrationBean<>(gate);
            registration.addUrlPatterns("/api/messaging/conversations/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private Browser team;
    private Browser client;

    @BeforeAll
    void openBrowsers() throws IOException {
        team = openBrowser("chat-team");
        client = openBrowser("chat-client");
    }

    private void at(Screen screen) {
        team.use(screen);
        client.use(screen);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aTeamMemberAndAClientChatWithAUrlPerConversation(Screen screen) throws IOException {
        at(screen);
        String question = "Are the menu boards ready? " + tag();
        String answer = "Yes, sending them over now " + tag();
        team.signIn("olivia", "Olivia Hart");
        client.signIn("alice", "Alice Baker");
        assertThat(team.script("return window.innerWidth;")).isEqualTo((long) screen.width());

        // A client has one conversation: it is open at once, with nothing to go back to.
        client.waitFor(By.id("composer-text"));
        assertThat(client.driver().findElement(By.id("conversation-back")).isDisplayed()).isFalse();
        check(client, "client-conversation");
        client.send(question);

        // The team's inbox shows it live, before the conversation is opened: first, with a badge and the preview.
        team.until(d -> preview(team, "acme").equals("Alice Baker: " + question));
        team.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(row("acme") + " .badge")));
        team.until(d -> d.findElements(By.cssSelector(".inbox-item")).get(0)
                .getAttribute("data-client-account-id").equals("acme"));
        assertThat(team.driver().findElement(By.id("conversation")).isDisplayed()).isEqualTo(screen != Screen.PHONE);
        check(team, "inbox");

        team.open("acme");
        String id = conversationOf("acme").toString();
        assertThat(team.driver().getCurrentUrl()).contains("conversation=" + id);
        assertThat(inboxShown(team)).isEqualTo(screen != Screen.PHONE);
        assertThat(team.driver().findElement(By.id("conversation-back")).isDisplayed())
                .isEqualTo(screen == Screen.PHONE);
        team.messageWithText(question);
        team.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(row("acme") + " .badge")));
        team.send(answer);
        team.until(d -> preview(team, "acme").equals("You: " + answer));
        check(team, "conversation");
        client.messageWithText(answer);

        if (screen == Screen.PHONE) {
            // One pane at a time: Back shows the inbox again, and the URL loses the conversation.
            team.driver().findElement(By.id("conversation-back")).click();
            team.until(d -> inboxShown(team) && !d.findElement(By.id("conversation")).isDisplayed());
            assertThat(team.driver().getCurrentUrl()).doesNotContain("conversation=");
            team.open("acme");
        }
        // The browser's Back button goes to the inbox, Forward to the conversation, and a reload keeps it.
        team.driver().navigate().back();
        team.until(d -> !d.getCurrentUrl().contains("conversation="));
        if (screen == Screen.PHONE) {
            team.until(d -> inboxShown(team) && !d.findElement(By.id("conversation")).isDisplayed());
        } else {
            team.waitFor(By.id("empty-state"));
        }
        team.driver().navigate().forward();
        team.until(ExpectedConditions.attributeToBe(By.id("conversation"), "data-conversation-id", id));
        team.driver().navigate().refresh();
        team.until(ExpectedConditions.attributeToBe(By.id("conversation"), "data-conversation-id", id));
        team.messageWithText(answer);
        assertThat(inboxShown(team)).isEqualTo(screen != Screen.PHONE);
        screenshot(team, "conversation-after-reload");

        // Bob works at the same organisation: he sees both sides of Alice's conversation.
        client.signIn("bob", "Bob Stone");
        client.messageWithText(question);
        client.messageWithText(answer);
        assertThat(inboxShown(client)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void participantsArePanelOrDrawerAndAreAddedAndRemoved(Screen screen) throws IOException {
        at(screen);
        team.signIn("olivia", "Olivia Hart");
        client.signIn("aiden", "Aiden Brooks");
        assertThat(client.driver().findElements(By.cssSelector(row("globex")))).isEmpty();
        team.open("globex");
        By sidebar = By.id("sidebar");
        By opener = By.id("participants-open");
        if (screen == Screen.DESKTOP) {
            // Wide: the panel beside the conversation, no button needed.
            team.waitFor(sidebar);
            assertThat(team.driver().findElement(opener).isDisplayed()).isFalse();
            check(team, "participants-panel");
        } else {
            // Narrower: a drawer behind a button; Esc closes it and the focus goes back to the button.
            assertThat(team.driver().findElement(sidebar).isDisplayed()).isFalse();
            team.waitFor(opener).click();
            team.until(ExpectedConditions.attributeToBe(sidebar, "role", "dialog"));
            team.waitFor(sidebar);
            assertFocusStaysIn(team, "#sidebar");
            check(team, "participants-drawer");
            press(team, Keys.ESCAPE);
            team.until(ExpectedConditions.invisibilityOfElementLocated(sidebar));
            assertThat(team.script("return document.activeElement.id;")).isEqualTo("participants-open");
            team.driver().findElement(opener).click();
            team.waitFor(sidebar);
        }

        team.waitFor(By.id("add-participants")).click();
        WebElement aiden = team.waitFor(By.cssSelector("#add-candidates li[data-team-member-id='aiden']"));
        assertFocusStaysIn(team, "#add-dialog");
        check(team, "add-participants-dialog");
        aiden.findElement(By.cssSelector("input[type=checkbox]")).click();
        team.driver().findElement(By.id("add-submit")).click();
        team.until(ExpectedConditions.invisibilityOfElementLocated(By.id("add-dialog")));
        team.until(ExpectedConditions.textToBe(
                By.cssSelector("#participant-list [data-team-member-id='aiden'] .access"), "Write"));
        // Aiden's inbox gains the conversation live.
        client.inboxRow("globex");
        screenshot(team, "participant-added");

        choose(team, "aiden", "Remove from chat");
        team.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#participant-list [data-team-member-id='aiden']")));
        client.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(row("globex"))));
        if (screen != Screen.DESKTOP) {
            press(team, Keys.ESCAPE);
            team.until(ExpectedConditions.invisibilityOfElementLocated(sidebar));
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void anEditAndADeletionShowInTheMessageAndInThePreview(Screen screen) throws IOException {
        at(screen);
        String text = "The prices in 24 pt please " + tag();
        String edited = "The prices in 28 pt please " + tag();
        team.signIn("olivia", "Olivia Hart");
        client.signIn("alice", "Alice Baker");
        client.send(text);
        team.until(d -> preview(team, "acme").equals("Alice Baker: " + text));

        WebElement message = client.messageWithText(text);
        String messageId = message.getAttribute("data-message-id");
        By shown = By.cssSelector("#message-list [data-message-id='" + messageId + "']");
        action(client, shown, "edit");
        WebElement box = client.waitFor(By.cssSelector("#message-list [data-message-id='" + messageId
                + "'] .mu-edit-text"));
        assertThat(box.getDomProperty("value")).isEqualTo(text);
        box.clear();
        box.sendKeys(edited, Keys.ENTER);
        client.until(ExpectedConditions.textToBe(By.cssSelector("#message-list [data-message-id='" + messageId
                + "'] .mu-edited"), "(edited)"));
        assertThat(client.messageWithText(edited).getAttribute("data-message-id")).isEqualTo(messageId);
        team.until(d -> preview(team, "acme").equals("Alice Baker: " + edited));
        check(client, "edited");

        // Deleting asks once more in place, then leaves a tombstone; the preview says so too.
        action(client, shown, "delete");
        client.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#message-list [data-message-id='" + messageId + "'] [data-action='delete']"),
                "Delete for everyone?"));
        action(client, shown, "delete");
        client.until(ExpectedConditions.textToBePresentInElementLocated(shown, "Message deleted"));
        assertThat(client.driver().findElement(shown).getAttribute("class")).contains("mu-tombstone");
        assertThat(client.driver().findElement(shown).getText()).doesNotContain(edited);
        team.until(d -> preview(team, "acme").equals("Message deleted"));
        check(client, "tombstone");
        check(team, "inbox-after-delete");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void enterSendsOnceEvenTwiceOnASlowConnectionAndShiftEnterBreaksTheLine(Screen screen) throws IOException {
        at(screen);
        String first = "First line " + tag();
        String text = first + "\nsecond line";
        client.signIn("alice", "Alice Baker");
        WebElement composer = client.waitFor(By.id("composer-text"));
        composer.sendKeys(first);
        composer.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        composer.sendKeys("second line");
        assertThat(composer.getDomProperty("value")).isEqualTo(text);
        posts.hold();   // a slow connection: the post waits at the server's door
        try {
            composer.sendKeys(Keys.ENTER);
            composer.sendKeys(Keys.ENTER);
            WebElement sending = client.waitFor(By.cssSelector("#message-list .mu-pending[data-send-state='sending']"));
            assertThat(sending.getText()).contains("Sending…").contains("second line");
            client.until(d -> posts.held() == 1);
            assertThat(composer.getDomProperty("value")).isEmpty();
            screenshot(client, "sending");
        } finally {
            posts.release();
        }
        client.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#message-list .mu-pending")));
        client.messageWithText(text);
        assertThat(posts.held()).isEqualTo(1);
        assertThat(historyOverRest(client, conversationOf("acme"))).filteredOn(text::equals).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void offlineTheBadgeSaysSoASendWaitsForRetryAndRetryPostsOnce(Screen screen) throws IOException {
        at(screen);
        String text = "Written on the train " + tag();
        client.signIn("alice", "Alice Baker");
        client.network(false, Duration.ZERO);
        try {
            client.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "offline"));
            assertThat(client.driver().findElement(By.id("connection")).getText()).isEqualTo("Offline");
            WebElement composer = client.waitFor(By.id("composer-text"));
            composer.sendKeys(text, Keys.ENTER);
            WebElement failed = client.waitFor(By.cssSelector("#message-list .mu-pending[data-send-state='failed']"));
            assertThat(failed.getText()).contains("Not sent").contains("Retry").contains(text);
            assertThat(client.driver().findElements(By.cssSelector(".mu-toast"))).noneMatch(toast ->
                    toast.getText().contains("Something went wrong"));
            check(client, "offline-not-sent");
        } finally {
            client.network(true, Duration.ZERO);
        }
        client.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"),
                Duration.ofSeconds(40));
        client.driver().findElement(By.cssSelector("#message-list .mu-pending .mu-retry")).click();
        client.messageWithText(text);
        client.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#message-list .mu-pending")));
        assertThat(historyOverRest(client, conversationOf("acme"))).filteredOn(text::equals).hasSize(1);
        screenshot(client, "retried");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aClientSeesWhoReadButNeverAWatcher(Screen screen) throws IOException {
        at(screen);
        String text = "Did everyone see the proofs? " + tag();
        ConversationId acme = conversationOf("acme");
        // Walter (a watcher) is the only one of the team who looks at the conversation in this test.
        team.signIn("walter", "Walter Reed");
        client.signIn("alice", "Alice Baker");
        client.send(text);
        client.until(d -> texts(acme).contains(text));
        long seq = newestSeq(acme);
        team.open("acme");
        team.messageWithText(text);
        team.until(d -> readUpTo(acme, "walter", seq));
        team.signIn("bob", "Bob Stone");
        team.messageWithText(text);
        team.until(d -> readUpTo(acme, "bob", seq));

        client.driver().navigate().refresh();
        client.waitUntilLive();
        WebElement message = client.messageWithText(text);
        By receipt = By.cssSelector("#message-list [data-seq='" + seq + "'] .mu-receipt");
        client.until(ExpectedConditions.textToBe(receipt, "Seen by Bob Stone"));
        assertThat(message.getText()).doesNotContain("Walter");
        assertThat(client.driver().findElements(By.cssSelector("#message-list .mu-receipt")))
                .noneMatch(node -> node.getText().contains("Walter"));
        check(client, "receipts");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aFileOfATypeNotAllowedIsRefusedInPlainWords(Screen screen) throws IOException {
        at(screen);
        Path file = Files.createDirectories(Path.of("target", "uploads")).resolve("installer.bin");
        byte[] bytes = new byte[2048];
        new java.util.Random(17).nextBytes(bytes);
        bytes[0] = 0x7f;   // an executable's header: no type the server allows
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
        Files.write(file, bytes);
        client.signIn("alice", "Alice Baker");
        client.driver().findElement(By.id("composer-files")).sendKeys(file.toAbsolutePath().toString());
        WebElement alert = client.waitFor(By.id("composer-alert"));
        String words = alert.getText();
        assertThat(words).contains("installer.bin").contains("cannot be sent").contains("Allowed are")
                .contains("PDF").contains("PNG");
        assertThat(words).doesNotContainIgnoringCase("octet-stream").doesNotContain("application/")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").doesNotContainPattern("[0-9A-Z]{26}");
        // The alert sits above the composer: the box to type in stays free.
        Rectangle box = client.driver().findElement(By.id("composer-text")).getRect();
        Rectangle said = alert.getRect();
        assertThat(said.getY() + said.getHeight() <= box.getY() || said.getY() >= box.getY() + box.getHeight())
                .as("the alert %s covers the composer %s", said, box).isTrue();
        check(client, "upload-refused");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void hostileTextIsShownAsTextAndOnlyWebLinksAreLinks(Screen screen) throws IOException {
        at(screen);
        String tag = tag();
        String typed = "<img src=x onerror=\"window.hostile='img'\"> " + tag;
        List<String> posted = List.of(
                "<script>window.hostile = 'script'</script> " + tag,
                "javascript:window.hostile='link' [click](javascript:alert(1)) data:text/html,<b>x</b> " + tag,
                "W".repeat(5000),
                "\u202Eexe.txt\u202C reversed " + tag,
                "See https://example.com/path?q=1 and http://example.org. " + tag);
        client.signIn("alice", "Alice Baker");
        client.send(typed);
        ConversationId acme = conversationOf("acme");
        posted.forEach(text -> messaging.messages().post(Actor.clientUser("alice"), acme, NewMessage.text(text)));
        team.signIn("olivia", "Olivia Hart");
        team.until(d -> preview(team, "acme").equals("Alice Baker: " + posted.get(posted.size() - 1)));
        team.open("acme");
        for (Browser browser : List.of(team, client)) {
            browser.messageWithText(typed);
            posted.forEach(browser::messageWithText);
            assertThat(browser.driver().findElements(By.cssSelector("#message-list .mu-text img, "
                    + "#message-list .mu-text script, #message-list .mu-text b, .inbox-preview img"))).isEmpty();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) browser.script("""
                    return [...document.querySelectorAll('#message-list .mu-text a')].map(a => ({
                        href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target'),
                        text: a.textContent}));
                    """);
            assertThat(links).isNotEmpty().allSatisfy(link -> {
                assertThat((String) link.get("href")).matches("https?://.+");
                assertThat(link.get("rel")).isEqualTo("noopener noreferrer");
                assertThat(link.get("target")).isEqualTo("_blank");
            });
            assertThat(links).extracting(link -> link.get("text"))
                    .contains("https://example.com/path?q=1", "http://example.org");
            // onerror or a script would have run by now; give a dialog a moment to show up anyway.
            assertThat(browser.script("return window.hostile === undefined;")).isEqualTo(true);
            assertThatThrownBy(() -> browser.until(ExpectedConditions.alertIsPresent(), Duration.ofSeconds(1)))
                    .isInstanceOf(TimeoutException.class);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            check(browser, browser == team ? "hostile-team" : "hostile-client");
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theAnnouncementDialogFitsKeepsChoicesInSightConfirmsAndStartsAfresh(Screen screen) throws IOException {
        at(screen);
        String text = "We move offices on Monday " + tag();
        team.signIn("olivia", "Olivia Hart");
        team.waitFor(By.id("announce-open")).click();
        WebElement dialog = team.waitFor(By.id("announce-dialog"));
        assertThat(team.script("return document.activeElement.id;")).isEqualTo("announce-text");
        assertFits(team, dialog);

        team.driver().findElement(By.cssSelector("input[name=audience][value=selected]")).click();
        team.waitFor(By.cssSelector("#client-options li[data-client-account-id='harbor-dental'] input")).click();
        team.waitFor(By.cssSelector("#client-options li[data-client-account-id='blue-fern'] input")).click();
        assertThat(team.driver().findElement(By.id("client-selected-count")).getText()).isEqualTo("2 selected");
        // Searching for another client keeps the chosen ones in sight, as chips.
        team.driver().findElement(By.id("client-search")).sendKeys("Lumen");
        team.until(d -> d.findElements(By.cssSelector("#client-options li")).size() == 1);
        assertThat(team.driver().findElements(By.cssSelector("#client-selected li")))
                .extracting(chip -> chip.getAttribute("data-client-account-id"))
                .containsExactly("harbor-dental", "blue-fern");
        assertThat(team.driver().findElements(By.cssSelector("#client-selected li"))).allMatch(WebElement::isDisplayed);
        assertFits(team, dialog);
        assertFocusStaysIn(team, "#announce-dialog");
        check(team, "announcement-dialog");

        WebElement message = team.driver().findElement(By.id("announce-text"));
        message.sendKeys(text);
        team.driver().findElement(By.id("announce-send")).click();
        assertThat(team.waitFor(By.id("announce-confirm-text")).getText()).isEqualTo("Send to 2 clients?");
        assertFits(team, dialog);
        screenshot(team, "announcement-confirm");
        team.driver().findElement(By.id("announce-confirm")).click();
        team.until(ExpectedConditions.attributeToBe(By.id("announce-progress"), "data-status", "DELIVERED"));
        assertThat(team.driver().findElement(By.id("announce-progress-text")).getText())
                .isEqualTo("Delivered to 2 clients");

        // Afresh: everyone, nothing chosen, no text, no search.
        assertThat(team.driver().findElement(By.cssSelector("input[name=audience][value=all]")).isSelected()).isTrue();
        assertThat(team.driver().findElements(By.cssSelector("#client-selected li"))).isEmpty();
        assertThat(team.driver().findElement(By.id("announce-text")).getDomProperty("value")).isEmpty();
        assertThat(team.driver().findElement(By.id("client-search")).getDomProperty("value")).isEmpty();
        assertThat(team.driver().findElement(By.id("client-picker")).isDisplayed()).isFalse();
        assertThat(team.driver().findElement(By.id("announce-confirm-step")).isDisplayed()).isFalse();
        screenshot(team, "announcement-sent");

        press(team, Keys.ESCAPE);
        team.until(ExpectedConditions.invisibilityOfElementLocated(By.id("announce-dialog")));
        assertThat(team.script("return document.activeElement.id;")).isEqualTo("announce-open");
        assertThat(texts(conversationOf("harbor-dental"))).contains(text);
        assertThat(texts(conversationOf("blue-fern"))).contains(text);
        assertThat(texts(conversationOf("lumen-labs"))).doesNotContain(text);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String row(String clientAccountId) {
        return ".inbox-item[data-client-account-id='" + clientAccountId + "']";
    }

    /** The inbox preview of a client's conversation, shown or not (a phone hides the inbox in a conversation). */
    private static String preview(Browser browser, String clientAccountId) {
        Object text = browser.script("const node = document.querySelector(arguments[0]);"
                + " return node ? node.textContent : null;", row(clientAccountId) + " .inbox-preview");
        return text == null ? "" : (String) text;
    }

    private static boolean inboxShown(Browser browser) {
        return browser.driver().findElement(By.id("inbox")).isDisplayed();
    }

    /** Points at a message (its actions show on hover, as for a person with a mouse) and clicks one of them. */
    private static void action(Browser browser, By message, String action) {
        browser.until(d -> {
            WebElement shown = d.findElement(message);
            new Actions(d).moveToElement(shown).perform();
            WebElement button = shown.findElement(By.cssSelector("[data-action='" + action + "']"));
            if (!button.isDisplayed()) {
                return false;
            }
            button.click();
            return true;
        });
    }

    /** Tab and Shift+Tab, a good many times, never take the focus out of the dialog. */
    private static void assertFocusStaysIn(Browser browser, String dialog) {
        for (int i = 0; i < 30; i++) {
            if (i < 20) {
                press(browser, Keys.TAB);
            } else {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            }
            assertThat(browser.script("return document.activeElement.closest(arguments[0]) !== null;", dialog))
                    .as("focus inside %s after %d presses of Tab, but on %s", dialog, i + 1, focused(browser))
                    .isEqualTo(true);
        }
    }

    /** A key pressed on the keyboard: it goes to whatever has the focus. */
    private static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static Object focused(Browser browser) {
        return browser.script("const a = document.activeElement; return a.tagName + (a.id ? '#' + a.id : '')"
                + " + ' ' + a.className + ' in ' + (a.parentElement ? a.parentElement.tagName + '#'"
                + " + a.parentElement.id : '');");
    }

    /** The dialog lies wholly inside the window (anything longer scrolls inside it). */
    private static void assertFits(Browser browser, WebElement dialog) {
        Rectangle box = dialog.getRect();
        Screen screen = browser.screen();
        assertThat(box.getX()).as("left of %s at %s", box, screen.label()).isGreaterThanOrEqualTo(0);
        assertThat(box.getY()).as("top of %s at %s", box, screen.label()).isGreaterThanOrEqualTo(0);
        assertThat(box.getX() + box.getWidth()).as("right of %s", box).isLessThanOrEqualTo(screen.width());
        assertThat(box.getY() + box.getHeight()).as("bottom of %s", box).isLessThanOrEqualTo(screen.height());
    }

    /** Opens a participant's three-dots menu in the participants list and picks {@code label}. */
    private static void choose(Browser browser, String teamMemberId, String label) {
        browser.until(d -> {
            d.findElement(By.cssSelector("#participant-list [data-team-member-id='" + teamMemberId + "'] button.more"))
                    .click();
            WebElement item = d.findElements(By.cssSelector("#participant-menu button")).stream()
                    .filter(button -> button.isDisplayed() && button.getText().trim().endsWith(label))
                    .findFirst().orElse(null);
            if (item != null) {
                item.click();
            }
            return item != null;
        });
    }

    /** The conversation's texts as the REST API gives them to the browser's signed-in person. */
    @SuppressWarnings("unchecked")
    private static List<String> historyOverRest(Browser browser, ConversationId conversation) {
        Map<String, Object> page = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/messaging/conversations/' + arguments[0] + '/messages?limit=200',
                        {credentials: 'same-origin', headers: {Accept: 'application/json'}})
                    .then(r => r.json()).then(done, error => done({items: [], error: String(error)}));
                """, conversation.toString());
        return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("text")).toList();
    }

    private boolean readUpTo(ConversationId conversation, String teamMemberOrUser, long seq) {
        return messaging.messages().readReceipts(Actor.teamMember("olivia"), conversation).stream()
                .anyMatch(r -> teamMemberOrUser.equals(r.reader().id()) && r.seq() >= seq);
    }

    private long newestSeq(ConversationId conversation) {
        List<Message> items = messaging.messages().history(Actor.teamMember("olivia"), conversation,
                HistoryQuery.latest(1)).items();
        return items.get(items.size() - 1).seq();
    }

    private ConversationId conversationOf(String clientAccountId) {
        return messaging.conversations().conversationOf(Actor.teamMember("olivia"), clientAccountId).id();
    }

    private List<String> texts(ConversationId conversation) {
        return messaging.messages().history(Actor.teamMember("olivia"), conversation, HistoryQuery.latest(200))
                .items().stream().map(Message::text).toList();
    }

    private static String tag() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}

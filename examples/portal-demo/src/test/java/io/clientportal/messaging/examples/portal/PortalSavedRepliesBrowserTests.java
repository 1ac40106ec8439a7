package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.NewSavedReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved replies on the portal page, on a laptop (1366x768) and a phone (390x844): an owner creates one in the
 * manage dialog, an agent inserts it into a client's conversation (typing {@code /} and its shortcut, or through
 * the picker's button), filled in for that client, and sends it; the client gets an ordinary message, and the
 * client's page has no trace of the picker, not even when a message starts with {@code /}. Headless Chromium, as in
 * {@link PortalBrowserTests}; each test leaves screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-saved-replies-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/saved-replies-browser-attachments",
        "messaging.web.rate-limit.enabled=false"})
class PortalSavedRepliesBrowserTests extends BrowserPageTests {

    private static final Dimension LAPTOP = new Dimension(1366, 768);
    private static final Dimension PHONE = new Dimension(390, 844);

    @Autowired
    Messaging messaging;

    private Browser team;
    private Browser client;

    @BeforeAll
    void openBrowsers() throws IOException {
        team = openBrowser("saved-replies-team");
        client = openBrowser("saved-replies-client");
    }

    @Test
    void onALaptopAnAgentTypesTheShortcutAndSendsTheReplyFilledInForTheClient() throws IOException {
        String shortcut = "menu" + suffix();
        String expected = "Hi Acme Bakery Ltd, your menu boards are ready. Aiden (Aiden Brooks)";
        sizeBoth(LAPTOP);
        createAsOwner("Menu boards ready " + shortcut, shortcut,
                "Hi {{client.name}}, your menu boards are ready. {{me.firstName}} ({{ me.name }})", "laptop");

        // Another reply, whose shortcut the one typed is not the start of.
        messaging.savedReplies().create(Actor.teamMember("olivia"),
                new NewSavedReply("Menu prices " + shortcut, "prices" + suffix(), "Prices: see the menu."));

        team.signIn("aiden", "Aiden Brooks");
        team.open("acme");
        WebElement composer = team.waitFor(By.id("composer-text"));
        composer.sendKeys("/" + shortcut.substring(0, 6));
        WebElement option = team.waitFor(option(shortcut));
        assertThat(option.getText()).contains("Menu boards ready").contains("/" + shortcut);
        team.until(d -> d.findElements(By.cssSelector("#saved-replies-list .saved-reply-option")).size() == 1);
        team.screenshot("saved-replies-laptop-slash");
        composer.sendKeys(shortcut.substring(6));
        team.until(ExpectedConditions.attributeToBe(option(shortcut), "aria-selected", "true"));
        composer.sendKeys(Keys.ENTER);
        team.until(d -> expected.equals(d.findElement(By.id("composer-text")).getDomProperty("value")));
        assertThat(team.driver().findElement(By.id("saved-replies-picker")).isDisplayed()).isFalse();
        assertThat(team.messageTexts()).as("picking a reply sends nothing by itself").doesNotContain(expected);
        composer.sendKeys(Keys.ENTER);
        team.messageWithText(expected);
        team.screenshot("saved-replies-laptop-sent");

        clientSeesAnOrdinaryMessageAndNoPicker(expected, "laptop");
    }

    @Test
    void onAPhoneAnAgentPicksTheReplyFromThePickerAndSendsIt() throws IOException {
        String shortcut = "hours" + suffix();
        String expected = "Thanks Acme Bakery Ltd! We open at 9. Aiden";
        sizeBoth(PHONE);
        createAsOwner("Opening hours " + shortcut, shortcut,
                "Thanks {{client.firstName}}! We open at 9. {{me.firstName}}", "phone");

        team.signIn("aiden", "Aiden Brooks");
        team.open("acme");
        team.waitFor(By.id("saved-replies-open")).click();
        team.waitFor(By.id("saved-replies-search")).sendKeys("opening hours " + shortcut);
        team.waitFor(option(shortcut));
        team.screenshot("saved-replies-phone-picker");
        team.until(d -> {
            d.findElement(option(shortcut)).click();
            return true;
        });
        team.until(d -> expected.equals(d.findElement(By.id("composer-text")).getDomProperty("value")));
        team.waitFor(By.id("composer-send")).click();
        team.messageWithText(expected);
        team.screenshot("saved-replies-phone-sent");

        clientSeesAnOrdinaryMessageAndNoPicker(expected, "phone");
    }

    /** Signs the owner in, opens the manage dialog from the picker and saves a reply there. */
    private void createAsOwner(String title, String shortcut, String text, String screenshot) throws IOException {
        team.signIn("olivia", "Olivia Hart");
        team.open("acme");
        team.waitFor(By.id("saved-replies-open")).click();
        team.waitFor(By.id("saved-replies-manage")).click();
        team.waitFor(By.id("saved-replies-dialog"));
        team.waitFor(By.id("saved-reply-title")).sendKeys(title);
        team.driver().findElement(By.id("saved-reply-shortcut")).sendKeys(shortcut.toUpperCase());
        team.driver().findElement(By.id("saved-reply-text")).sendKeys(text);
        team.driver().findElement(By.id("saved-reply-save")).click();
        WebElement saved = team.waitFor(By.cssSelector(
                "#saved-replies-manage-list .saved-manage-item[data-shortcut='" + shortcut + "']"));
        assertThat(saved.getText()).contains(title).contains("/" + shortcut);
        team.screenshot("saved-replies-" + screenshot + "-manage");
        team.driver().findElement(By.cssSelector("#saved-replies-dialog [data-close]")).click();
        team.until(ExpectedConditions.invisibilityOfElementLocated(By.id("saved-replies-dialog")));
    }

    private void clientSeesAnOrdinaryMessageAndNoPicker(String text, String screenshot) throws IOException {
        client.signIn("alice", "Alice Baker");
        client.messageWithText(text);
        assertNoTraceOfSavedReplies();
        WebElement composer = client.waitFor(By.id("composer-text"));
        composer.sendKeys("/menu");
        assertNoTraceOfSavedReplies();
        client.screenshot("saved-replies-" + screenshot + "-client");
        composer.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    }

    private void assertNoTraceOfSavedReplies() {
        assertThat(client.driver().findElements(By.cssSelector(
                "#saved-replies-open, #saved-replies-picker, #saved-replies-dialog, .saved-reply-option")))
                .as("the client's page has no saved replies").isEmpty();
        assertThat(client.driver().getPageSource()).doesNotContain("Saved replies");
    }

    private void sizeBoth(Dimension size) {
        team.driver().manage().window().setSize(size);
        client.driver().manage().window().setSize(size);
    }

    private static By option(String shortcut) {
        return By.cssSelector("#saved-replies-list .saved-reply-option[data-shortcut='" + shortcut + "']");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}

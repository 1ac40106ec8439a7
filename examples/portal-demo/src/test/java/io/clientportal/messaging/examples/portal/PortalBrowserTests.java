package io.clientportal.messaging.examples.portal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in real browsers: the application runs on a random port with its real page, and two headless
 * Chromium sessions (a "team" and a "client" window) use it as people would: access switched live, announcements
 * arriving, attachments, a dropped stream. (Chatting, participants, edits, receipts, offline sends and hostile text
 * at three window sizes are {@link PortalChatBrowserTests}.) Each test leaves a screenshot in target/screenshots.
 * Without Chromium the suite is skipped locally, but fails under CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-browser-tests;DB_CLOSE_DELAY=-1",
        "messaging.attachments.storage-path=target/browser-test-attachments",
        "messaging.web.rate-limit.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    @Autowired
    StreamDropper streams;

    private Browser team;
    private Browser client;

    @TestConfiguration(proxyBeanMethods = false)
    static class DroppableStreams {

        @Bean
        StreamDropper streamDropper() {
            return new StreamDropper();
        }

        @Bean
        FilterRegistrationBean<StreamDropper> streamDropperRegistration(StreamDropper dropper) {
            FilterRegistrationBean<StreamDropper> registration = new FilterRegistrationBean<>(dropper);
            registration.addUrlPatterns("/api/messaging/events");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @BeforeAll
    void startBrowsers() throws IOException {
        Browser.requireAvailable();
        String base = "http://localhost:" + port;
        team = new Browser(base, "team");
        client = new Browser(base, "client");
    }

    /** The pages run under their Content-Security-Policy without tripping it (no inline script or style). */
    @AfterEach
    void nothingViolatedThePolicy() {
        for (Browser browser : new Browser[]{team, client}) {
            if (browser != null) {
                assertThat(browser.policyViolations()).isEmpty();
            }
        }
    }

    @AfterAll
    void stopBrowsers() {
        if (team != null) {
            team.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void anAgentSwitchedToReadOnlyCanNoLongerWrite() throws IOException {
        ConversationId isabel = conversationOf("isabel-novak");
        try {
            team.signIn("olivia", "Olivia Hart");
            client.signIn("aiden", "Aiden Brooks");
            client.open("isabel-novak");
            assertThat(client.driver().findElement(By.id("composer-text")).isEnabled()).isTrue();

            team.open("isabel-novak");
            team.until(ExpectedConditions.textToBe(
                    By.cssSelector("#participant-list [data-team-member-id='walter'] .access"), "Read"));
            choose(team, "aiden", "Read only");
            team.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#participant-list [data-team-member-id='aiden'] .access"), "Read only"));

            // Aiden's composer is disabled live, with the reason.
            client.until(ExpectedConditions.not(ExpectedConditions.elementToBeClickable(By.id("composer-text"))));
            assertThat(client.waitFor(By.id("composer-locked")).getText()).contains("read-only access");
            assertThat(client.driver().findElement(By.id("composer-send")).isEnabled()).isFalse();
            client.screenshot("read-only-agent");
            team.screenshot("read-only-switch");

            // And the API itself refuses his post: 403, not a CSRF failure.
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) client.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11);
                    fetch('/api/messaging/conversations/' + arguments[0] + '/messages', {
                        method: 'POST', credentials: 'same-origin',
                        headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token)},
                        body: JSON.stringify({text: 'sneaking a post in'})
                    }).then(async r => done({status: r.status, body: await r.text()}));
                    """, isabel.toString());
            assertThat(answer.get("status")).isEqualTo(403L);
            assertThat((String) answer.get("body")).doesNotContainIgnoringCase("csrf");
            assertThat(texts(isabel)).doesNotContain("sneaking a post in");

            // A watcher sees the composer disabled too, with the watcher's reason.
            client.signIn("walter", "Walter Reed");
            client.open("isabel-novak");
            assertThat(client.waitFor(By.id("composer-locked")).getText()).contains("watcher");
            assertThat(client.driver().findElement(By.id("composer-text")).isEnabled()).isFalse();
        } finally {
            messaging.conversations().changeAccess(Actor.teamMember("olivia"), isabel, "aiden", Access.WRITE);
        }
    }

    @Test
    void anAnnouncementToTwoSelectedClientsArrivesHighlightedInTheirChatsOnly() throws IOException {
        String text = "Our office is closed on Friday for the summer party. " + tag();
        team.signIn("olivia", "Olivia Hart");
        client.signIn("alice", "Alice Baker");

        team.waitFor(By.id("announce-open")).click();
        team.waitFor(By.cssSelector("input[name=audience][value=selected]")).click();
        team.waitFor(By.cssSelector("#client-options li[data-client-account-id='isabel-novak'] input")).click();
        team.waitFor(By.cssSelector("#client-options li[data-client-account-id='acme'] input")).click();
        assertThat(team.driver().findElement(By.id("client-selected-count")).getText()).isEqualTo("2 selected");
        team.driver().findElement(By.id("announce-text")).sendKeys(text);
        assertThat(team.driver().findElement(By.id("announce-highlight")).isSelected()).isTrue();
        team.driver().findElement(By.id("announce-send")).click();
        // One more step names the recipients before anything is sent.
        assertThat(team.waitFor(By.id("announce-confirm-text")).getText()).isEqualTo("Send to 2 clients?");
        team.driver().findElement(By.id("announce-confirm")).click();
        team.until(ExpectedConditions.attributeToBe(By.id("announce-progress"), "data-status", "DELIVERED"));
        assertThat(team.driver().findElement(By.id("announce-progress-text")).getText())
                .isEqualTo("Delivered to 2 clients");
        team.screenshot("announcement-dialog");

        // Alice had her chat open: it arrives live, set apart.
        WebElement live = client.messageWithText(text);
        assertThat(live.getAttribute("class")).contains("highlighted");
        assertThat(live.findElement(By.cssSelector(".highlight-label")).getText()).containsIgnoringCase("Announcement");
        client.screenshot("announcement-client");

        client.signIn("isabel", "Isabel Novak");
        assertThat(client.messageWithText(text).getAttribute("class")).contains("highlighted");

        client.signIn("liam", "Liam Walsh");
        client.until(d -> !d.findElements(By.cssSelector("#message-list .message")).isEmpty());
        assertThat(client.messageTexts()).doesNotContain(text);

        for (DemoPeople.Client account : DemoPeople.CLIENTS) {
            boolean targeted = account.id().equals("acme") || account.id().equals("isabel-novak");
            assertThat(texts(conversationOf(account.id())).contains(text)).as(account.id()).isEqualTo(targeted);
        }
    }

    @Test
    void anAttachmentIsUploadedAndDownloaded() throws IOException {
        String content = "Croissant 2.40\nSourdough 4.10\n" + tag() + "\n";
        Path file = Files.createDirectories(Path.of("target", "uploads")).resolve("prices & 'specials'.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        team.signIn("aiden", "Aiden Brooks");
        team.open("acme");
        client.signIn("alice", "Alice Baker");

        client.driver().findElement(By.id("composer-files")).sendKeys(file.toAbsolutePath().toString());
        client.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#composer-attachments .chip.ready")));
        String text = "Here is the price list " + tag();
        client.send(text);

        WebElement message = team.messageWithText(text);
        WebElement link = message.findElement(By.cssSelector("a.attachment"));
        assertThat(link.findElement(By.cssSelector(".file-name")).getText()).isEqualTo("prices & 'specials'.txt");
        team.screenshot("attachment");
        link.click();
        Path downloaded = team.downloads().resolve("prices & 'specials'.txt");
        team.until(d -> Files.exists(downloaded) && sizeOf(downloaded) == content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Files.readString(downloaded, StandardCharsets.UTF_8)).isEqualTo(content);
    }

    @Test
    void thePageRecoversWhenTheServerDropsTheStream() throws IOException {
        team.signIn("aiden", "Aiden Brooks");
        team.open("acme");
        team.script("window.portalNotReloaded = true;");
        String before = "Still there? " + tag();
        messaging.messages().post(Actor.clientUser("alice"), conversationOf("acme"), NewMessage.text(before));
        team.messageWithText(before);
        int connects = streamConnects(team);

        String missed = "Sent while your connection was down " + tag();
        try {
            streams.dropAndRefuse();
            team.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "reconnecting"));
            team.screenshot("reconnecting");
            messaging.messages().post(Actor.clientUser("alice"), conversationOf("acme"), NewMessage.text(missed));
        } finally {
            streams.accept();
        }

        // The page reconnects by itself, resumes after its last event and shows what it missed: no reload.
        team.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"), Duration.ofSeconds(30));
        team.messageWithText(missed);
        assertThat(team.script("return window.portalNotReloaded === true;")).isEqualTo(true);
        assertThat(streamConnects(team)).isGreaterThan(connects);

        String after = "And this one came after the reconnect " + tag();
        messaging.messages().post(Actor.clientUser("alice"), conversationOf("acme"), NewMessage.text(after));
        team.messageWithText(after);
        team.screenshot("reconnected");
    }

    /** How often the chat's event stream has connected (messaging-chat's data-stream-connects). */
    private static int streamConnects(Browser browser) {
        return Integer.parseInt(browser.driver().findElement(By.tagName("messaging-chat"))
                .getAttribute("data-stream-connects"));
    }

    /** Opens a participant's three-dots menu in the sidebar and picks {@code label}. */
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

    private ConversationId conversationOf(String clientAccountId) {
        return messaging.conversations().conversationOf(Actor.teamMember("olivia"), clientAccountId).id();
    }

    private List<String> texts(ConversationId conversation) {
        return messaging.messages().history(Actor.teamMember("olivia"), conversation, HistoryQuery.latest(200))
                .items().stream().map(Message::text).toList();
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String tag() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}

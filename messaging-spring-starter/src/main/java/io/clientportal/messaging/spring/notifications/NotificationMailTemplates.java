package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.model.Notification;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a notification email from simple templates with {@code {{placeholders}}}: {@code notification-subject.txt},
 * {@code notification.txt} and {@code notification.html} for the whole mail, {@code conversation.txt/.html} once per
 * conversation and {@code message.txt/.html} once per message shown. A localised template
 * ({@code notification_de.html}, {@code notification_de_CH.html}) wins for a recipient of that locale. Values are
 * HTML-escaped in the HTML templates. The host overrides them with files of the same names in its own template
 * location ({@code messaging.notifications.mail.template-location}), or replaces this bean.
 *
 * <p>A follow-up {@linkplain Notification#reminder() reminder} uses {@code reminder-subject.txt},
 * {@code reminder.txt} and {@code reminder.html} for the whole mail instead, with the same conversation and message
 * templates.
 *
 * <p>Placeholders: mail: {@code recipientName, unreadTotal, conversations, unsubscribeUrl, author} (the newest
 * message's author: for a reminder, the team member waiting for an answer); conversation:
 * {@code title, unreadCount, authors, link, messages}; message: {@code author, text}.
 */
public class NotificationMailTemplates {

    /** Where the starter's own templates are. */
    public static final String DEFAULT_LOCATION = "classpath:META-INF/messaging/mail/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");

    /** A rendered mail. */
    public record RenderedMail(String subject, String text, String html) {
    }

    private final ResourceLoader resources;
    private final String location;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param location the host's template folder (a Spring resource location ending in {@code /}); the starter's
     *                 own templates fill in what it lacks
     */
    public NotificationMailTemplates(ResourceLoader resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /**
     * Renders {@code notification}.
     *
     * @param links          the link into the portal per conversation id (value), or none
     * @param unsubscribeUrl the one-click unsubscribe link
     */
    public RenderedMail render(Notification notification, Map<String, String> links, String unsubscribeUrl) {
        Locale locale = notification.recipient().locale().orElse(Locale.ROOT);
        return new RenderedMail(
                render(template(mailName(notification) + "-subject", "txt", locale).strip(), mailValues(notification,
                        "", unsubscribeUrl), false),
                renderMail(notification, links, unsubscribeUrl, locale, false),
                renderMail(notification, links, unsubscribeUrl, locale, true));
    }

    private String renderMail(Notification notification, Map<String, String> links, String unsubscribeUrl,
                              Locale locale, boolean html) {
        String extension = html ? "html" : "txt";
        StringBuilder conversations = new StringBuilder();
        for (Notification.ConversationUnread conversation : notification.conversations()) {
            StringBuilder messages = new StringBuilder();
            for (Notification.UnreadMessage message : conversation.newest()) {
                if (message.text().isPresent()) {
                    messages.append(render(template("message", extension, locale),
                            Map.of("author", message.authorName(), "text", message.text().get()), html));
                }
            }
            String authors = conversation.newest().stream().map(Notification.UnreadMessage::authorName)
                    .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(", "));
            conversations.append(render(template("conversation", extension, locale), Map.of(
                    "title", conversation.title(),
                    "unreadCount", Long.toString(conversation.unreadCount()),
                    "authors", authors,
                    "link", links.getOrDefault(conversation.conversationId().toString(), ""),
                    "messages", new Raw(messages.toString())), html));
        }
        return render(template(mailName(notification), extension, locale),
                mailValues(notification, conversations.toString(), unsubscribeUrl), html);
    }

    /** The whole mail's templates: a reminder's own, else the unread notification's. */
    private static String mailName(Notification notification) {
        return notification.reminder() ? "reminder" : "notification";
    }

    private static Map<String, Object> mailValues(Notification notification, String conversations,
                                                  String unsubscribeUrl) {
        String author = notification.conversations().get(0).newest().stream()
                .reduce((first, second) -> second).map(Notification.UnreadMessage::authorName).orElse("");
        return Map.of("recipientName", notification.recipient().displayName(),
                "unreadTotal", Long.toString(notification.unreadTotal()),
                "conversations", new Raw(conversations),
                "unsubscribeUrl", unsubscribeUrl,
                "author", author);
    }

    /** Already rendered: not escaped again. */
    private record Raw(String value) {
    }

    private static String render(String template, Map<String, ?> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            String text = value == null ? "" : value instanceof Raw raw ? raw.value()
                    : html ? HtmlUtils.htmlEscape(value.toString(), "UTF-8") : value.toString();
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The most specific template for the locale, the host's before the starter's. */
    private String template(String name, String extension, Locale locale) {
        String key = name + "|" + extension + "|" + locale;
        return cache.computeIfAbsent(key, k -> {
            for (String candidate : candidates(name, extension, locale)) {
                for (String folder : List.of(location, DEFAULT_LOCATION)) {
                    Resource resource = resources.getResource(folder + candidate);
                    if (resource.exists()) {
                        try {
                            return resource.getContentAsString(StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException("could not read mail template " + candidate, e);
                        }
                    }
                }
            }
            throw new IllegalStateException("no mail template " + name + "." + extension);
        });
    }

    private static List<String> candidates(String name, String extension, Locale locale) {
        List<String> names = new java.util.ArrayList<>();
        if (!locale.getLanguage().isEmpty() && !locale.getCountry().isEmpty()) {
            names.add(name + "_" + locale.getLanguage() + "_" + locale.getCountry() + "." + extension);
        }
        if (!locale.getLanguage().isEmpty()) {
            names.add(name + "_" + locale.getLanguage() + "." + extension);
        }
        names.add(name + "." + extension);
        return names;
    }
}

package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ReplyTokens;
import io.clientportal.messaging.model.ConversationId;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reply addresses: a template with {@code {token}} (e.g. {@code reply+{token}@in.portal.example}) filled with a
 * {@link ReplyTokens} token for a person and conversation, and the token found again in an address a reply was
 * sent to (compared without case: mail systems may change it).
 */
public final class ReplyAddresses {

    private static final String TOKEN = "{token}";

    private final ReplyTokens tokens;
    private final String prefix;
    private final String suffix;

    /**
     * @param template an address with {@code {token}} exactly once
     * @throws IllegalArgumentException for a template without one {@code {token}}
     */
    public ReplyAddresses(ReplyTokens tokens, String template) {
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
        Objects.requireNonNull(template, "template must not be null");
        int at = template.indexOf(TOKEN);
        if (at < 0 || at != template.lastIndexOf(TOKEN) || !template.contains("@")) {
            throw new IllegalArgumentException("the reply address template must be an address with {token} once, "
                    + "e.g. reply+{token}@in.portal.example; was " + template);
        }
        this.prefix = template.substring(0, at).toLowerCase(Locale.ROOT);
        this.suffix = template.substring(at + TOKEN.length()).toLowerCase(Locale.ROOT);
    }

    /** The tokens behind these addresses. */
    public ReplyTokens tokens() {
        return tokens;
    }

    /** The address replies of this person into this conversation go to. */
    public String addressFor(String tenantId, Actor actor, ConversationId conversationId) {
        return prefix + tokens.issue(tenantId, actor, conversationId) + suffix;
    }

    /** The token in an address of the template's shape (a bare address, without a display name); else empty. */
    public Optional<String> tokenIn(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String lower = address.trim().toLowerCase(Locale.ROOT);
        if (lower.length() <= prefix.length() + suffix.length() || !lower.startsWith(prefix)
                || !lower.endsWith(suffix)) {
            return Optional.empty();
        }
        return Optional.of(lower.substring(prefix.length(), lower.length() - suffix.length()));
    }
}

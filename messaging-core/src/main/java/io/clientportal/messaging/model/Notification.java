package io.clientportal.messaging.model;

import io.clientportal.messaging.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One notification to one person about what waits unread for them, across conversations, as a
 * {@code NotificationSender} gets it.
 *
 * @param id            stable for this notification: the same when it is sent again after a failure or a crash, so
 *                      a sender can use it as its idempotency key
 * @param tenantId      never {@code null}
 * @param recipient     who is told, never {@code null}
 * @param conversations the conversations with something new and unread, newest activity first; never empty
 * @param createdAt     when it was put together
 * @param reminder      whether it is a follow-up reminder: the team's last message (the one message of its one
 *                      conversation) waits for an answer, rather than unread messages waiting to be read
 */
public record Notification(UUID id, String tenantId, Recipient recipient, List<ConversationUnread> conversations,
                           Instant createdAt, boolean reminder) {

    public Notification {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(recipient, "recipient must not be null");
        conversations = List.copyOf(conversations);
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /** A notification about unread messages (not a reminder). */
    public Notification(UUID id, String tenantId, Recipient recipient, List<ConversationUnread> conversations,
                        Instant createdAt) {
        this(id, tenantId, recipient, conversations, createdAt, false);
    }

    /** How many messages wait unread, over every conversation listed. */
    public long unreadTotal() {
        return conversations.stream().mapToLong(ConversationUnread::unreadCount).sum();
    }

    /**
     * Who is told.
     *
     * @param actor        never {@code null}
     * @param displayName  as the directory has it, never {@code null}
     * @param emailAddress from the host's {@code RecipientDirectory}, empty when it has none
     * @param locale       the recipient's language, if the host's directory tells it
     */
    public record Recipient(Actor actor, String displayName, Optional<String> emailAddress, Optional<Locale> locale) {

        public Recipient {
            Objects.requireNonNull(actor, "actor must not be null");
            Objects.requireNonNull(displayName, "displayName must not be null");
            Objects.requireNonNull(emailAddress, "emailAddress must not be null");
            Objects.requireNonNull(locale, "locale must not be null");
        }
    }

    /**
     * One conversation of a notification.
     *
     * @param conversationId  never {@code null}
     * @param clientAccountId the conversation's client account, never {@code null}
     * @param title           the client's name (what the team sees the conversation as), never {@code null}
     * @param unreadCount     how many messages wait unread there for the recipient
     * @param newest          the newest unread messages, oldest first (at most a few)
     */
    public record ConversationUnread(ConversationId conversationId, String clientAccountId, String title,
                                     long unreadCount, List<UnreadMessage> newest) {

        public ConversationUnread {
            Objects.requireNonNull(conversationId, "conversationId must not be null");
            Objects.requireNonNull(clientAccountId, "clientAccountId must not be null");
            Objects.requireNonNull(title, "title must not be null");
            newest = List.copyOf(newest);
        }
    }

    /**
     * A message a notification shows.
     *
     * @param id         never {@code null}
     * @param authorName never {@code null}
     * @param text       the text; empty when notifications must not carry message text (or it has none)
     * @param createdAt  never {@code null}
     */
    public record UnreadMessage(MessageId id, String authorName, Optional<String> text, Instant createdAt) {

        public UnreadMessage {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(authorName, "authorName must not be null");
            Objects.requireNonNull(text, "text must not be null");
            Objects.requireNonNull(createdAt, "createdAt must not be null");
        }
    }
}

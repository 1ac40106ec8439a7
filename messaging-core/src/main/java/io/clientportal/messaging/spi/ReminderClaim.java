package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.util.Objects;

/**
 * A due follow-up reminder a node claimed ({@link MessagingStore#claimReminders}).
 *
 * @param tenantId       never {@code null}
 * @param conversationId never {@code null}
 */
public record ReminderClaim(String tenantId, ConversationId conversationId) {

    public ReminderClaim {
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(conversationId, "conversationId must not be null");
    }
}

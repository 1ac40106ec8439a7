package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.NotificationSettings;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.Notification;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.MessagingStore;
import io.clientportal.messaging.spi.NotificationRow;
import io.clientportal.messaging.spi.NotificationSender;
import io.clientportal.messaging.spi.RecipientDirectory;
import io.clientportal.messaging.spi.ReminderClaim;
import io.clientportal.messaging.spi.ReminderRow;
import io.clientportal.messaging.spi.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sends due follow-up reminders, on whichever node claims them (a lease in the conversation's reminder row, as
 * for notifications): each client user of the conversation who has not turned notifications off gets one
 * {@linkplain Notification#reminder() reminder} about the unanswered team message, then the team sees it in the
 * timeline as an internal note authored by the team member who wrote that message (the library has no system
 * author), posted through the normal note path with an idempotency key, and the row is removed. A failed send or
 * a node that dies leaves the row leased: once the lease ran out it is sent again with the same ids (senders may
 * skip what they delivered) and the note is posted once.
 */
final class ReminderDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);
    private static final int CLAIM = 20;

    private final MessagingStore store;
    private final Context context;
    private final NotificationSettings settings;
    private final List<NotificationSender> senders;
    private final RecipientDirectory addresses;
    private final Function<String, Messaging> tenants;
    private final String owner;

    ReminderDelivery(MessagingStore store, Context context, NotificationSettings settings,
                     List<NotificationSender> senders, RecipientDirectory addresses,
                     Function<String, Messaging> tenants, String owner) {
        this.store = store;
        this.context = context;
        this.settings = settings;
        this.senders = List.copyOf(senders);
        this.addresses = addresses;
        this.tenants = tenants;
        this.owner = owner;
    }

    /** What one reminder says and to whom. */
    private record Plan(ReminderRow row, ConversationRow conversation, MessageRow message,
                        List<ClientUserRow> recipients) {
    }

    /** Claims and sends due reminders until none is; returns how many reminders were sent. */
    int sendDue() {
        int sent = 0;
        List<ReminderClaim> claims;
        do {
            Instant now = context.now();
            claims = store.claimReminders(owner, now, now.plus(settings.lease()), CLAIM);
            for (ReminderClaim claim : claims) {
                sent += process(claim);
            }
        } while (claims.size() == CLAIM);
        return sent;
    }

    private int process(ReminderClaim claim) {
        String tenantId = claim.tenantId();
        try {
            Optional<Plan> plan = context.transactions.write(tenantId, tx -> plan(tx.store(), claim));
            if (plan.isEmpty()) {
                return 0;
            }
            if (plan.get().recipients().isEmpty()) {
                finish(tenantId, plan.get().row());
                return 0;
            }
            Instant now = context.now();
            List<String> told = new ArrayList<>();
            boolean byEmail = true;
            for (ClientUserRow user : plan.get().recipients()) {
                Actor recipient = Actor.clientUser(user.id());
                Optional<String> email = addresses.emailOf(tenantId, recipient);
                byEmail &= email.isPresent();
                Notification notification = notification(tenantId, plan.get(), user, email,
                        addresses.localeOf(tenantId, recipient), now);
                for (NotificationSender sender : senders) {
                    // A failure throws: the row stays leased and all of it is retried after the lease, same ids.
                    sender.send(notification);
                }
                told.add(user.displayName());
            }
            String text = "Reminder sent to " + String.join(", ", told) + (byEmail ? " by email" : "");
            try {
                tenants.apply(tenantId).messages().post(Actor.teamMember(plan.get().row().authorId()),
                        plan.get().conversation().id(), NewMessage.note(text)
                                .withClientMessageId("reminder-" + plan.get().message().id().value()));
            } catch (MessagingException e) {
                // The author may no longer post notes there (removed, downgraded): the reminder went out anyway.
                log.info("Reminder note in {} not posted: {}", plan.get().conversation().id().value(), e.toString());
            }
            finish(tenantId, plan.get().row());
            log.debug("Reminder for message {} sent to {} client users", plan.get().message().id().value(),
                    told.size());
            return 1;
        } catch (RuntimeException e) {
            log.warn("Reminder in {} failed; will retry after its lease", claim.conversationId().value(), e);
            return 0;
        }
    }

    private Optional<Plan> plan(StoreTransaction tx, ReminderClaim claim) {
        ReminderRow row = tx.reminders().lock(claim.conversationId()).orElse(null);
        if (row == null || !row.leasedBy(owner)) {
            return Optional.empty();
        }
        Optional<ConversationRow> conversation = tx.conversations().find(row.conversationId());
        Optional<MessageRow> message = tx.messages().find(row.messageId());
        if (conversation.isEmpty() || message.isEmpty() || message.get().deleted()) {
            // Nothing to answer any more: done without a reminder.
            return Optional.of(new Plan(row, conversation.orElse(null), message.orElse(null), List.of()));
        }
        List<ClientUserRow> recipients = new ArrayList<>();
        for (ClientUserRow user : tx.directory().clientUsers(conversation.get().clientAccountId())) {
            NotificationPreferences preferences = tx.notifications().find(Actor.clientUser(user.id()))
                    .map(NotificationRow::preferences).orElse(null);
            if (preferences == null || preferences.mode() != NotificationPreferences.Mode.OFF) {
                recipients.add(user);
            }
        }
        return Optional.of(new Plan(row, conversation.get(), message.get(), recipients));
    }

    private Notification notification(String tenantId, Plan plan, ClientUserRow user, Optional<String> email,
                                      Optional<java.util.Locale> locale, Instant now) {
        MessageRow message = plan.message();
        Optional<String> text = settings.includeMessageText() && !message.text().isEmpty()
                ? Optional.of(message.text()) : Optional.empty();
        Notification.ConversationUnread conversation = new Notification.ConversationUnread(
                plan.conversation().id(), plan.conversation().clientAccountId(), plan.conversation().clientName(), 1,
                List.of(new Notification.UnreadMessage(message.id(), message.authorName(), text,
                        message.createdAt())));
        String key = tenantId + "\nreminder\n" + message.id().value() + '\n' + user.id();
        return new Notification(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), tenantId,
                new Notification.Recipient(Actor.clientUser(user.id()), user.displayName(), email, locale),
                List.of(conversation), now, true);
    }

    /** Removes the row if this node still holds it for the same message (a newer team message replaced it). */
    private void finish(String tenantId, ReminderRow done) {
        context.transactions.write(tenantId, tx -> {
            tx.store().reminders().lock(done.conversationId())
                    .filter(row -> row.leasedBy(owner) && row.messageId().equals(done.messageId()))
                    .ifPresent(row -> tx.store().reminders().delete(row.conversationId()));
            return null;
        });
    }
}

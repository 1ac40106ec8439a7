package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Notifications;
import io.clientportal.messaging.model.InboundReply;
import io.clientportal.messaging.model.NotificationPreferences;
import io.clientportal.messaging.model.ReplyOutcome;
import io.clientportal.messaging.spi.NotificationRow;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.function.Function;
import java.util.function.IntSupplier;

/** Each person's notification preferences, and sending what is due. */
final class NotificationService implements Notifications {

    private final Context context;
    private final String tenantId;
    private final IntSupplier sendDue;
    private final Function<InboundReply, ReplyOutcome> replies;

    NotificationService(Context context, String tenantId, IntSupplier sendDue,
                        Function<InboundReply, ReplyOutcome> replies) {
        this.context = context;
        this.tenantId = tenantId;
        this.sendDue = sendDue;
        this.replies = replies;
    }

    @Override
    public NotificationPreferences preferences(Actor actor) {
        Checks.notNull(actor, "actor");
        return context.transactions.read(tenantId, tx -> {
            requireKnown(tx.store(), actor);
            // A row without a choice maps to empty: the default.
            return tx.store().notifications().find(actor).map(NotificationRow::preferences)
                    .orElse(NotificationPreferences.defaults());
        });
    }

    @Override
    public NotificationPreferences setPreferences(Actor actor, NotificationPreferences preferences) {
        Checks.notNull(actor, "actor");
        Checks.notNull(preferences, "preferences");
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            requireKnown(store, actor);
            NotificationRow row = store.notifications().lock(actor).orElse(NotificationRow.empty(actor));
            NotificationRow next = row.withPreferences(preferences);
            if (preferences.mode() == NotificationPreferences.Mode.OFF) {
                next = new NotificationRow(actor, null, row.lastSentAt(), row.coveredUntil(), 0, null, null,
                        preferences);
            }
            store.notifications().save(next);
            return preferences;
        });
    }

    @Override
    public int sendDue() {
        return sendDue.getAsInt();
    }

    @Override
    public ReplyOutcome receiveReply(InboundReply reply) {
        return replies.apply(reply);
    }

    /** Someone the directory does not know answers like a missing id. */
    private static void requireKnown(StoreTransaction store, Actor actor) {
        boolean known = actor.isTeamMember() ? store.directory().teamMember(actor.id()).isPresent()
                : store.directory().clientUser(actor.id()).isPresent();
        if (!known) {
            throw Errors.unknownActor();
        }
    }
}

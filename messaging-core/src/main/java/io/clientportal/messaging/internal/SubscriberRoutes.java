package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.MessagingEvent;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The live subscribers, indexed so that each event is offered only to the feeds it may reach
 * ({@link EventVisibility#audience}): the relay's work per event grows with the feeds that may see it and the team
 * members' feeds, not with every open feed. Within a tenant:
 * <ul>
 *   <li>team members' feeds are offered every event of the tenant, and the policy decides each (owners, admins and
 *   managers see everything; agents and watchers their conversations: their participation changes with events);</li>
 *   <li>a client user's feed is filed under their account, looked up once as it joins, and offered the events of
 *   that account's conversation, their own removal, and what every client user may be shown;</li>
 *   <li>a client user's feed whose user the directory does not know (yet) is offered every event, as a team member's
 *   is, until the event that adds the user files it under their account.</li>
 * </ul>
 * Belongs to the relay's thread; subscribers that close (on any thread) are dropped at its next pass.
 */
final class SubscriberRoutes implements LookaheadLoader.Targets {

    private final EventVisibility visibility;
    private final Map<String, Tenant> tenants = new HashMap<>();
    /** Every live subscriber: skipped and late positions concern them all. */
    private final Set<SubscriptionImpl> all = new LinkedHashSet<>();
    private final Queue<SubscriptionImpl> closed = new ConcurrentLinkedQueue<>();

    SubscriberRoutes(EventVisibility visibility) {
        this.visibility = visibility;
    }

    /** The live subscribers of one tenant. */
    private static final class Tenant {
        final Set<SubscriptionImpl> team = new LinkedHashSet<>();
        /** Client users' feeds whose user is not known, by user. */
        final Map<String, Set<SubscriptionImpl>> unknownByUser = new HashMap<>();
        final Set<SubscriptionImpl> unknown = new LinkedHashSet<>();
        final Map<String, Set<SubscriptionImpl>> byAccount = new HashMap<>();
        final Map<String, Set<SubscriptionImpl>> byUser = new HashMap<>();
        final Map<SubscriptionImpl, String> accountOf = new HashMap<>();

        boolean isEmpty() {
            return team.isEmpty() && unknown.isEmpty() && accountOf.isEmpty();
        }

        void file(SubscriptionImpl subscription, String account) {
            byAccount.computeIfAbsent(account, a -> new LinkedHashSet<>()).add(subscription);
            byUser.computeIfAbsent(subscription.actor().id(), u -> new LinkedHashSet<>()).add(subscription);
            accountOf.put(subscription, account);
        }

        void fileUnknown(SubscriptionImpl subscription) {
            unknown.add(subscription);
            unknownByUser.computeIfAbsent(subscription.actor().id(), u -> new LinkedHashSet<>()).add(subscription);
        }

        /** Files the feeds of a client user just added under their account. */
        void known(String userId, String account) {
            Set<SubscriptionImpl> found = unknownByUser.remove(userId);
            if (found != null) {
                for (SubscriptionImpl subscription : found) {
                    unknown.remove(subscription);
                    file(subscription, account);
                }
            }
        }

        void remove(SubscriptionImpl subscription) {
            team.remove(subscription);
            String user = subscription.actor().id();
            if (unknown.remove(subscription)) {
                removeFrom(unknownByUser, user, subscription);
            }
            String account = accountOf.remove(subscription);
            if (account != null) {
                removeFrom(byAccount, account, subscription);
                removeFrom(byUser, user, subscription);
            }
        }

        private static void removeFrom(Map<String, Set<SubscriptionImpl>> index, String key,
                                       SubscriptionImpl subscription) {
            Set<SubscriptionImpl> set = index.get(key);
            if (set != null && set.remove(subscription) && set.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /**
     * Adds a subscriber that caught up to the relay. A client user's account is looked up once, here (the
     * subscribing thread has usually loaded it into the cache already).
     */
    void add(SubscriptionImpl subscription) {
        if (!all.add(subscription)) {
            return;
        }
        subscription.onClose(() -> closed.add(subscription));
        Tenant tenant = tenants.computeIfAbsent(subscription.tenantId(), t -> new Tenant());
        if (subscription.actor().isTeamMember()) {
            tenant.team.add(subscription);
            return;
        }
        Optional<String> account = visibility.clientAccount(subscription.tenantId(), subscription.actor().id());
        if (account.isPresent()) {
            tenant.file(subscription, account.get());
        } else {
            tenant.fileUnknown(subscription);
        }
    }

    /** Drops the subscribers that closed since the last call. */
    void removeClosed() {
        SubscriptionImpl subscription;
        while ((subscription = closed.poll()) != null) {
            if (all.remove(subscription)) {
                Tenant tenant = tenants.get(subscription.tenantId());
                tenant.remove(subscription);
                if (tenant.isEmpty()) {
                    tenants.remove(subscription.tenantId());
                }
            }
        }
    }

    /** Every live subscriber (for what concerns them all: skipped and late positions). */
    Collection<SubscriptionImpl> all() {
        return all;
    }

    @Override
    public boolean isEmpty() {
        return all.isEmpty();
    }

    @Override
    public Collection<SubscriptionImpl> ofTenant(String tenantId) {
        Tenant tenant = tenants.get(tenantId);
        return tenant == null ? List.of() : tenant.team;
    }

    @Override
    public void forEach(MessagingEvent event, Lookahead lookahead, Consumer<SubscriptionImpl> action) {
        Tenant tenant = tenants.get(event.tenantId());
        if (tenant == null) {
            return;
        }
        tenant.team.forEach(action);
        tenant.unknown.forEach(action);
        if (tenant.accountOf.isEmpty()) {
            return;
        }
        EventVisibility.Audience audience = visibility.audience(event, lookahead);
        switch (audience.reach()) {
            case EVERY_CLIENT -> tenant.byAccount.values().forEach(set -> set.forEach(action));
            case ACCOUNT -> tenant.byAccount.getOrDefault(audience.id(), Set.of()).forEach(action);
            case USER -> tenant.byUser.getOrDefault(audience.id(), Set.of()).forEach(action);
            case NO_CLIENT -> {
            }
        }
    }

    /** After an event was handed on: a client user it adds has their waiting feeds filed under their account. */
    void handedOn(MessagingEvent event) {
        if (event instanceof ClientUserChanged changed) {
            Tenant tenant = tenants.get(event.tenantId());
            if (tenant != null) {
                tenant.known(changed.clientUser().id(), changed.clientUser().accountId());
            }
        }
    }
}

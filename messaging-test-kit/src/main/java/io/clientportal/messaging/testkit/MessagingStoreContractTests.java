package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingBuilder;
import io.clientportal.messaging.MessagingLimits;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;
import io.clientportal.messaging.spi.AttachmentStore;
import io.clientportal.messaging.memory.InMemoryAttachmentStore;
import io.clientportal.messaging.spi.MessagingNotifier;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.MessagingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

/**
 * The contract every {@link MessagingStore} must pass: the product's behaviour through the public API, on the store
 * under test. A store's test subclasses it and fills in {@link #createStore()}:
 *
 * <pre>{@code
 * class MyStoreContractTests extends MessagingStoreContractTests {
 *     protected MessagingStore createStore() { return new MyStore(...); }
 * }
 * }</pre>
 *
 * The store is created once per test class; every test works in a tenant of its own, so tests never see each
 * other's data and the store needs no cleaning between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MessagingStoreContractTests {

    private MessagingStore store;
    private AttachmentStore attachmentStore;
    private Messaging messaging;
    private final MutableClock clock = new MutableClock();
    private ContractFixture fixture;

    /** A store to test, created once for the class. */
    protected abstract MessagingStore createStore();

    /** Releases the store after the class; the default closes it. */
    protected void closeStore(MessagingStore store) {
        store.close();
    }

    /** The attachment store used with it; in memory by default. */
    protected AttachmentStore createAttachmentStore() {
        return new InMemoryAttachmentStore();
    }

    @BeforeAll
    void startMessaging() {
        store = createStore();
        attachmentStore = createAttachmentStore();
        messaging = newMessaging(Duration.ofMinutes(5));
    }

    @AfterAll
    void stopMessaging() {
        if (messaging != null) {
            messaging.close();
        }
        if (store != null) {
            closeStore(store);
        }
    }

    @BeforeEach
    void newWorld() {
        fixture = new ContractFixture(messaging, clock, () -> newMessaging(Duration.ofMinutes(5)));
    }

    /** Another engine over the same stores (another node), which the caller closes. */
    Messaging newMessaging(Duration housekeepingInterval) {
        return builder().housekeepingInterval(housekeepingInterval).build();
    }

    /** Every node's settings: the shared stores and clock, quick polls and sweeps. */
    private MessagingBuilder builder() {
        return Messaging.builder().store(store).attachmentStore(attachmentStore).clock(clock)
                .eventPollInterval(Duration.ofMillis(200)).announcementSweepInterval(Duration.ofMillis(100));
    }

    ContractFixture fixture() {
        return fixture;
    }

    @Nested
    class Directory extends DirectoryContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class ConversationsAndParticipants extends ConversationContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected MessagingStore store() {
            return store;
        }
    }

    @Nested
    class Authorisation extends AuthorisationContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class MessagesAndHistory extends MessageContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class Notes extends NotesContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class ReadState extends ReadStateContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class ReadReceipts extends ReadReceiptContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class Mentions extends MentionContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected Messaging nodeWith(MessagingNotifier notifier) {
            return Messaging.builder().store(store).attachmentStore(attachmentStore).clock(clock)
                    .eventPollInterval(Duration.ofMillis(100)).notifier(notifier).build();
        }
    }

    @Nested
    class KeptCounts extends KeptCountsContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class Announcements extends AnnouncementContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected MessagingStore store() {
            return store;
        }

        @Override
        protected Messaging nodeWithChunkSize(int chunkSize) {
            return builder().limits(MessagingLimits.defaults().withAnnouncementChunkSize(chunkSize)).build();
        }
    }

    @Nested
    class Attachments extends AttachmentContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected Messaging nodeWithFastHousekeeping() {
            return newMessaging(Duration.ofMillis(50));
        }
    }

    @Nested
    class Events extends EventContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected Messaging nodeWith(MessagingNotifier notifier) {
            return Messaging.builder().store(store).attachmentStore(attachmentStore).clock(clock)
                    .eventPollInterval(Duration.ofMillis(100)).notifier(notifier).build();
        }
    }

    @Nested
    class Webhooks extends WebhookContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected Messaging nodeWithWebhook(WebhookEndpoint endpoint, WebhookPolicy policy,
                                            MessagingObservations observations) {
            return Messaging.builder().store(store).attachmentStore(attachmentStore).clock(clock)
                    .eventPollInterval(Duration.ofMillis(100)).webhook(endpoint).webhookPolicy(policy)
                    .observations(observations).build();
        }
    }

    @Nested
    class Status extends StatusContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected MessagingStore store() {
            return store;
        }

        @Override
        protected Messaging nodeWithWebhook(WebhookEndpoint endpoint, WebhookPolicy policy) {
            return Messaging.builder().store(store).attachmentStore(attachmentStore).clock(clock)
                    .eventPollInterval(Duration.ofMillis(100)).webhook(endpoint).webhookPolicy(policy).build();
        }
    }

    @Nested
    class Assignment extends AssignmentContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class Reminders extends ReminderContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected MessagingStore store() {
            return store;
        }

        @Override
        protected Messaging nodeWithNotifications(io.clientportal.messaging.spi.NotificationSender sender,
                                                  io.clientportal.messaging.NotificationSettings settings) {
            return builder().notifications(settings).notificationSender(sender).build();
        }
    }

    @Nested
    class Notifications extends NotificationContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected MessagingStore store() {
            return store;
        }

        @Override
        protected Messaging nodeWithNotifications(io.clientportal.messaging.spi.NotificationSender sender,
                                                  io.clientportal.messaging.NotificationSettings settings) {
            return builder().notifications(settings).notificationSender(sender).build();
        }
    }

    @Nested
    class SavedReplies extends SavedReplyContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }

        @Override
        protected Messaging nodeWithLimits(MessagingLimits limits) {
            return builder().limits(limits).build();
        }
    }

    @Nested
    class Tenancy extends TenancyContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class FullTextSearch extends SearchContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected ContractFixture world() {
            return fixture;
        }
    }
}

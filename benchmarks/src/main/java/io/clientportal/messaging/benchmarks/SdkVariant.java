package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.jpa.JpaMessagingStore;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;

import java.util.function.Consumer;
import javax.sql.DataSource;

/** The library, through its public API only, on its JPA store. */
final class SdkVariant implements Variant, OwnerViews {

    private static final Actor OWNER = Actor.teamMember(Dataset.OWNER);
    private static final Actor AGENT = Actor.teamMember(Dataset.AGENT);
    private static final ConversationId HISTORY =
            new ConversationId(Dataset.conversationId(Dataset.HISTORY_CONVERSATION));
    private static final Actor HISTORY_READER = Actor.clientUser(Dataset.user(Dataset.HISTORY_CONVERSATION));

    private final BenchmarkDatabase database;
    private final JpaMessagingStore store;
    private final Messaging messaging;
    private final ChunkObservations chunks;
    private final boolean ownsEngine;
    private JpaMessagingStore otherStore;
    private Messaging otherNode;

    /** Applies the store's schema (so call it before seeding) and starts the engine. */
    SdkVariant(BenchmarkDatabase database, DataSource pool) {
        this.database = database;
        this.store = JpaMessagingStore.create(pool);
        this.chunks = new ChunkObservations();
        this.messaging = Messaging.builder().store(store).observations(chunks).build();
        this.ownsEngine = true;
    }

    private SdkVariant(SdkVariant engine, String tenantId) {
        this.database = engine.database;
        this.store = engine.store;
        this.chunks = engine.chunks;
        this.messaging = engine.messaging.tenant(tenantId);
        this.ownsEngine = false;
    }

    /**
     * The same work on {@code tenantId}'s rows, through this engine's view of that tenant (as a host serving many
     * tenants would): closing it leaves the engine to this variant.
     */
    SdkVariant tenant(String tenantId) {
        return new SdkVariant(this, tenantId);
    }

    /** The library's own observations of announcement chunks on this node. */
    ChunkObservations chunks() {
        return chunks;
    }

    @Override
    public void post(long conversation, String text) {
        messaging.messages().post(Actor.clientUser(Dataset.user(conversation)),
                new ConversationId(Dataset.conversationId(conversation)), NewMessage.text(text));
    }

    @Override
    public int history(long beforeSeq) {
        HistoryQuery query = beforeSeq == Long.MAX_VALUE ? HistoryQuery.latest(50) : HistoryQuery.before(beforeSeq, 50);
        return messaging.messages().history(HISTORY_READER, HISTORY, query).items().size();
    }

    @Override
    public int inbox(int size) {
        return messaging.conversations().inbox(AGENT, InboxQuery.first(size)).items().size();
    }

    @Override
    public int ownerInbox(int size, boolean onlyUnread) {
        InboxQuery query = onlyUnread ? InboxQuery.first(size).unreadOnly() : InboxQuery.first(size);
        return messaging.conversations().inbox(OWNER, query).items().size();
    }

    @Override
    public long ownerUnreadTotal() {
        return messaging.messages().unreadTotal(OWNER);
    }

    @Override
    public long markReadAndUnreadTotal(long conversation, long seq) {
        messaging.messages().markRead(AGENT, new ConversationId(Dataset.conversationId(conversation)), seq);
        return messaging.messages().unreadTotal(AGENT);
    }

    @Override
    public void announceToAll(String text) {
        announceToAll(text, progress -> { });
    }

    /** As {@link #announceToAll(String)}, handing {@code progress} the announcement as each poll reads it. */
    void announceToAll(String text, Consumer<Announcement> progress) {
        Announcement sent = messaging.announcements().send(OWNER, NewAnnouncement.toAllClients(text));
        while (true) {
            Announcement now = messaging.announcements().get(OWNER, sent.id());
            progress.accept(now);
            if (now.status() == Announcement.Status.DELIVERED) {
                return;
            }
            if (now.status() == Announcement.Status.FAILED) {
                throw new IllegalStateException("announcement failed");
            }
            sleep(100); // as a progress bar would poll; each get() also counts the announcement's readers
        }
    }

    @Override
    public AutoCloseable subscribe(boolean otherNode, Consumer<String> texts) {
        Messaging node = otherNode ? otherNode().tenant(messaging.tenantId()) : messaging;
        Subscription subscription = node.events().subscribe(OWNER, null, event -> {
            if (event instanceof MessagePosted posted) {
                texts.accept(posted.message().text());
            }
        });
        return subscription::close;
    }

    /** A second application instance: its own pool and engine (relay, caches) on the same database. */
    private synchronized Messaging otherNode() {
        if (otherNode == null) {
            otherStore = JpaMessagingStore.create(database.pool("sdk-node-2", 4));
            otherNode = Messaging.builder().store(otherStore).build();
        }
        return otherNode;
    }

    @Override
    public void close() {
        if (otherNode != null) {
            otherNode.close();
            otherStore.close();
        }
        if (ownsEngine) {
            messaging.close();
            store.close();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

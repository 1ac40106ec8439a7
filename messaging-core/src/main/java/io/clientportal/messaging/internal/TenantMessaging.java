package io.clientportal.messaging.internal;

import io.clientportal.messaging.Announcements;
import io.clientportal.messaging.Attachments;
import io.clientportal.messaging.Conversations;
import io.clientportal.messaging.Directory;
import io.clientportal.messaging.Events;
import io.clientportal.messaging.Messages;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.Search;
import io.clientportal.messaging.Notifications;
import io.clientportal.messaging.SavedReplies;
import io.clientportal.messaging.model.MessagingStatus;

/** The engine seen through one tenant: every facade's calls are scoped to it. */
final class TenantMessaging implements Messaging {

    private final MessagingEngine engine;
    private final String tenantId;
    private final Directory directory;
    private final ConversationService conversations;
    private final Messages messages;
    private final Announcements announcements;
    private final Attachments attachments;
    private final Events events;
    private final Search search;
    private final Notifications notifications;
    private final SavedReplies savedReplies;

    TenantMessaging(MessagingEngine engine, String tenantId) {
        this.engine = engine;
        this.tenantId = tenantId;
        Context context = engine.context();
        this.directory = new DirectoryService(context, tenantId);
        this.conversations = new ConversationService(context, tenantId);
        this.messages = new MessageService(context, tenantId, conversations);
        this.announcements = new AnnouncementService(context, tenantId);
        this.attachments = new AttachmentService(context, tenantId);
        this.events = engine.events(tenantId);
        this.search = new SearchService(context, tenantId, conversations);
        this.notifications = engine.notifications(tenantId);
        this.savedReplies = new SavedReplyService(context, tenantId, conversations);
    }

    @Override
    public Messaging tenant(String tenantId) {
        return engine.tenant(tenantId);
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Announcements announcements() {
        return announcements;
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public Events events() {
        return events;
    }

    @Override
    public Search search() {
        return search;
    }

    @Override
    public Notifications notifications() {
        return notifications;
    }

    @Override
    public SavedReplies savedReplies() {
        return savedReplies;
    }

    @Override
    public io.clientportal.messaging.Webhooks webhooks() {
        return engine.webhooks();
    }

    @Override
    public io.clientportal.messaging.MessagingLimits limits() {
        return engine.context().limits;
    }

    @Override
    public MessagingStatus status() {
        return engine.status();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "Messaging[tenant=" + tenantId + "]";
    }
}

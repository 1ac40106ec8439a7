package io.clientportal.messaging.memory;

import io.clientportal.messaging.spi.AnnouncementRows;
import io.clientportal.messaging.spi.AttachmentRows;
import io.clientportal.messaging.spi.ConversationRows;
import io.clientportal.messaging.spi.DirectoryRows;
import io.clientportal.messaging.spi.EventRows;
import io.clientportal.messaging.spi.MessageRows;
import io.clientportal.messaging.spi.ReadStateRows;
import io.clientportal.messaging.spi.StoreTransaction;

/** A unit of work over one tenant's tables; every change is recorded in the undo log. */
final class InMemoryTransaction implements StoreTransaction {

    private final String tenantId;
    private final MemoryDirectory directory;
    private final MemoryConversations conversations;
    private final MemoryMessages messages;
    private final MemoryReadState readState;
    private final MemoryAnnouncements announcements;
    private final MemoryAttachments attachments;
    private final MemoryEvents events;

    InMemoryTransaction(String tenantId, TenantData data, InMemoryMessagingStore store, UndoLog undo) {
        this.tenantId = tenantId;
        this.directory = new MemoryDirectory(data, undo);
        this.conversations = new MemoryConversations(data, undo);
        this.messages = new MemoryMessages(data, undo);
        this.readState = new MemoryReadState(data, undo, messages);
        this.announcements = new MemoryAnnouncements(data, undo, conversations, messages);
        this.attachments = new MemoryAttachments(data, undo);
        this.events = new MemoryEvents(tenantId, store, undo);
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public DirectoryRows directory() {
        return directory;
    }

    @Override
    public ConversationRows conversations() {
        return conversations;
    }

    @Override
    public MessageRows messages() {
        return messages;
    }

    @Override
    public ReadStateRows readState() {
        return readState;
    }

    @Override
    public AnnouncementRows announcements() {
        return announcements;
    }

    @Override
    public AttachmentRows attachments() {
        return attachments;
    }

    @Override
    public EventRows events() {
        return events;
    }
}

package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.AttachmentRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Upload metadata of one unit of work. */
record MemoryAttachments(TenantData data, UndoLog undo) implements AttachmentRows {

    @Override
    public void insert(AttachmentRow attachment) {
        data.attachments.put(undo, attachment.id(), attachment);
    }

    @Override
    public Optional<AttachmentRow> find(AttachmentId id) {
        return data.attachments.find(id);
    }

    @Override
    public List<AttachmentRow> ofAnnouncement(AnnouncementId id) {
        return data.attachments.all().values().stream()
                .filter(row -> id.equals(row.announcementId()) && row.messageId() == null).toList();
    }

    @Override
    public void reference(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                          AnnouncementId announcementId) {
        for (AttachmentId id : ids) {
            data.attachments.find(id).ifPresent(row -> data.attachments.put(undo, id,
                    row.referencedBy(conversationId, messageId, announcementId)));
        }
    }

    @Override
    public List<AttachmentRow> delete(List<AttachmentId> ids) {
        List<AttachmentRow> deleted = new ArrayList<>();
        for (AttachmentId id : ids) {
            data.attachments.find(id).ifPresent(deleted::add);
            data.attachments.remove(undo, id);
        }
        return deleted;
    }

    @Override
    public List<AttachmentRow> deleteOf(ConversationId id) {
        return delete(data.attachments.all().values().stream().filter(row -> id.equals(row.conversationId()))
                .map(AttachmentRow::id).toList());
    }
}

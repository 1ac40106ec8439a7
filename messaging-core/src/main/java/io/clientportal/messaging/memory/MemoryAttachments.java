package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.AttachmentRows;

import java.util.ArrayList;
import java.util.Comparator;
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
                .filter(row -> id.equals(row.announcementId()) && row.messageId() == null)
                .sorted(Comparator.comparing(row -> data.attachmentOrdinals.find(row.id()).orElse(0)))
                .toList();
    }

    @Override
    public void reference(List<AttachmentId> ids, ConversationId conversationId, MessageId messageId,
                          AnnouncementId announcementId) {
        for (int i = 0; i < ids.size(); i++) {
            AttachmentId id = ids.get(i);
            AttachmentRow row = data.attachments.find(id).orElse(null);
            if (row != null) {
                data.attachments.put(undo, id, row.referencedBy(conversationId, messageId, announcementId));
                data.attachmentOrdinals.put(undo, id, i);
            }
        }
    }

    @Override
    public List<AttachmentRow> delete(List<AttachmentId> ids) {
        List<AttachmentRow> deleted = new ArrayList<>();
        for (AttachmentId id : ids) {
            AttachmentRow row = data.attachments.remove(undo, id);
            if (row != null) {
                data.attachmentOrdinals.remove(undo, id);
                deleted.add(row);
            }
        }
        return deleted;
    }

    @Override
    public List<AttachmentRow> deleteOf(ConversationId id) {
        return delete(data.attachments.all().values().stream().filter(row -> id.equals(row.conversationId()))
                .map(AttachmentRow::id).toList());
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.spi.AttachmentRecord;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.ArrayList;
import java.util.List;

/** The rules for referencing uploads from a message or an announcement. */
final class Attachments {

    private Attachments() {
    }

    /**
     * Checks that each upload exists, was uploaded by the actor and is not referenced yet; returns their metadata
     * in the given order.
     */
    static List<Attachment> claim(StoreTransaction store, Actor actor, List<AttachmentId> ids) {
        List<Attachment> attachments = new ArrayList<>(ids.size());
        for (AttachmentId id : ids) {
            AttachmentRecord record = store.attachment(id)
                    .filter(found -> found.uploader().equals(actor))
                    .orElseThrow(() -> new InvalidInputException("attachmentIds", "attachment " + id
                            + " not found among your uploads"));
            if (record.isReferenced()) {
                throw new InvalidInputException("attachmentIds", "attachment " + id + " is already used");
            }
            attachments.add(record.attachment());
        }
        return attachments;
    }
}

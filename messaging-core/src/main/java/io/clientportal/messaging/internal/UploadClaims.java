package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.ArrayList;
import java.util.List;

/** The rules for referencing uploads from a message or an announcement. */
final class UploadClaims {

    private UploadClaims() {
    }

    /**
     * Checks that each upload exists, was uploaded by the actor and is not referenced yet; returns their rows in the
     * given order.
     */
    static List<AttachmentRow> claim(StoreTransaction store, Actor actor, List<AttachmentId> ids) {
        List<AttachmentRow> claimed = new ArrayList<>(ids.size());
        for (AttachmentId id : ids) {
            AttachmentRow row = store.attachments().find(id)
                    .filter(found -> found.uploader().equals(actor))
                    .orElseThrow(() -> new InvalidInputException("attachmentIds", "attachment " + id
                            + " not found among your uploads"));
            if (row.isReferenced()) {
                throw new InvalidInputException("attachmentIds", "attachment " + id + " is already used");
            }
            claimed.add(row);
        }
        return claimed;
    }
}

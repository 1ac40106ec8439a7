package io.clientportal.messaging.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An announcement to send: one message delivered into the conversation of every targeted client account.
 *
 * @param allClients       whether every client account is targeted
 * @param clientAccountIds the targeted accounts when not {@code allClients}, unmodifiable
 * @param text             the text
 * @param attachmentIds    uploaded attachments to include, unmodifiable
 * @param highlight        whether the delivered messages are set apart in the chat
 */
public record NewAnnouncement(boolean allClients, List<String> clientAccountIds, String text,
                              List<AttachmentId> attachmentIds, boolean highlight) {

    public NewAnnouncement {
        clientAccountIds = Lists.withoutNulls(clientAccountIds, "clientAccountIds");
        attachmentIds = Lists.withoutNulls(attachmentIds, "attachmentIds");
    }

    /** An announcement to every client account. */
    public static NewAnnouncement toAllClients(String text) {
        return new NewAnnouncement(true, List.of(), text, List.of(), false);
    }

    /** An announcement to the given client accounts (individuals and organisations). */
    public static NewAnnouncement toClients(Collection<String> clientAccountIds, String text) {
        return new NewAnnouncement(false, List.copyOf(clientAccountIds), text, List.of(), false);
    }

    /** This announcement with the given attachments added. */
    public NewAnnouncement withAttachments(AttachmentId... ids) {
        List<AttachmentId> all = new ArrayList<>(attachmentIds);
        all.addAll(Arrays.asList(ids));
        return new NewAnnouncement(allClients, clientAccountIds, text, all, highlight);
    }

    /** This announcement, highlighted. */
    public NewAnnouncement highlighted() {
        return new NewAnnouncement(allClients, clientAccountIds, text, attachmentIds, true);
    }
}

package io.clientportal.messaging.internal;

import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ClientAccountRow;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.TeamMemberRow;

import java.util.List;

/**
 * Builds the API's records from the store's rows, and rows from records: the one place that knows both, so a record
 * can gain a component without any store changing, and what a row means (a deleted message's shape) is decided once.
 */
final class Records {

    private Records() {
    }

    /**
     * The message a row records. A deleted message is a tombstone: its seq, author and times stay, its text and
     * attachments are gone (whatever the store still holds of them).
     */
    static Message message(MessageRow row) {
        return message(row, false);
    }

    /** The message as the team ({@code clientView} false, team seqs) or a client (client seqs) sees it. */
    static Message message(MessageRow row, boolean clientView) {
        boolean deleted = row.deleted();
        return new Message(row.id(), row.conversationId(), clientView ? row.clientSeq() : row.seq(), row.author(),
                row.authorName(), deleted ? "" : row.text(), deleted ? List.of() : attachments(row.attachments()),
                row.highlighted(), row.announcementId(), row.clientMessageId(), row.createdAt(), row.editedAt(),
                deleted, deleted ? List.of() : row.mentions(), row.internal());
    }

    static List<Message> messages(List<MessageRow> rows) {
        return messages(rows, false);
    }

    static List<Message> messages(List<MessageRow> rows, boolean clientView) {
        // A loop, not a stream: a history page maps fifty rows, and the stream's setup cost more than the mapping.
        Message[] messages = new Message[rows.size()];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = message(rows.get(i), clientView);
        }
        return List.of(messages);
    }

    static Conversation conversation(ConversationRow row) {
        return conversation(row, false);
    }

    /** The conversation as the team or a client sees it: a client's last seq and time are of what it sees. */
    static Conversation conversation(ConversationRow row, boolean clientView) {
        return new Conversation(row.id(), row.clientAccountId(), row.clientName(),
                clientView ? row.lastClientSeq() : row.lastSeq(), row.createdAt(),
                clientView ? row.lastClientMessageAt() : row.lastMessageAt());
    }

    static Attachment attachment(AttachmentRow row) {
        return new Attachment(row.id(), row.filename(), row.contentType(), row.size(), row.sha256());
    }

    static List<Attachment> attachments(List<AttachmentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();   // most messages: no stream to set up for them
        }
        Attachment[] attachments = new Attachment[rows.size()];
        for (int i = 0; i < attachments.length; i++) {
            attachments[i] = attachment(rows.get(i));
        }
        return List.of(attachments);
    }

    static TeamMember teamMember(TeamMemberRow row) {
        return new TeamMember(row.id(), row.displayName(), row.role());
    }

    static TeamMemberRow row(TeamMember member) {
        return new TeamMemberRow(member.id(), member.displayName(), member.role());
    }

    static ClientAccount clientAccount(ClientAccountRow row) {
        return new ClientAccount(row.id(), row.name(), row.kind());
    }

    static ClientAccountRow row(ClientAccount account) {
        return new ClientAccountRow(account.id(), account.name(), account.kind());
    }

    static ClientUser clientUser(ClientUserRow row) {
        return new ClientUser(row.id(), row.accountId(), row.displayName());
    }

    static ClientUserRow row(ClientUser user) {
        return new ClientUserRow(user.id(), user.accountId(), user.displayName());
    }
}

package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.ConversationId;

import java.util.Collection;
import java.util.Map;

/**
 * The unread mentions of team members, in one unit of work: one row per (member, conversation, seq) for each
 * mention in a message the member has not read yet. The core writes a message's rows with the message and takes them
 * away as they stop being unread (the member's horizon passes them, the message is deleted, the member leaves the
 * conversation or the directory, the conversation is deleted), so a member's counts are a count of their own few
 * rows, whatever the tenant's size. A store checks nothing but its keys: which ids may be mentioned, and when a
 * mention is read, the core decides. Arguments are never {@code null}.
 */
public interface MentionRows {

    /** Stores one unread mention of each member (distinct ids) in the message at {@code seq} of a conversation. */
    void insert(ConversationId id, long seq, Collection<String> teamMemberIds);

    /** Removes a member's mentions in a conversation at or below {@code seq}: their horizon reached them. */
    void markRead(ConversationId id, String teamMemberId, long seq);

    /** Removes the mentions of the message at {@code seq} of a conversation: it was deleted. */
    void deleteOfMessage(ConversationId id, long seq);

    /** Removes a member's mentions in a conversation: they left it. */
    void deleteOfMember(ConversationId id, String teamMemberId);

    /** Removes a member's mentions everywhere: they left the directory. */
    void deleteOfMember(String teamMemberId);

    /** Removes every mention in a conversation: it is being deleted. */
    void deleteOfConversation(ConversationId id);

    /**
     * A member's unread mentions per conversation: only conversations with at least one; never {@code null}. Costs
     * the member's rows (an index on member first).
     */
    Map<ConversationId, Long> unread(String teamMemberId);
}

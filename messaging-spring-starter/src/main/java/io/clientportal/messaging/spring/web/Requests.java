package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationStatus;
import io.clientportal.messaging.model.TeamRole;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The request and answer bodies of the messaging API that are not model records. */
final class Requests {

    private Requests() {
    }

    /**
     * {@code POST /conversations/{id}/messages}: {@code mentions} are the mentioned team members' ids,
     * {@code addMentioned} asks that those who can't see the conversation be added (posters who manage participants);
     * {@code internal} posts an internal note (absent: a message).
     */
    record PostMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId, List<String> mentions,
                       Boolean addMentioned, Boolean internal) {
    }

    /** {@code PATCH /conversations/{id}/messages/{messageId}}. */
    record EditMessage(String text) {
    }

    /** {@code POST /conversations/{id}/read}. */
    record MarkRead(Long seq) {
    }

    /** {@code PUT /conversations/{id}/participants/{teamMemberId}}. */
    record ParticipantAccess(Access access) {
    }

    /** {@code PUT /conversations/{id}/assignee}: {@code null} or absent unassigns. */
    record Assignee(String teamMemberId) {
    }

    /** {@code PUT /conversations/{id}/status}. */
    record TeamStatus(ConversationStatus status) {
    }

    /** {@code POST /announcements}. */
    record SendAnnouncement(Audience audience, String text, List<AttachmentId> attachmentIds, Boolean highlighted) {
    }

    /** Who an announcement goes to: every client, or the listed client accounts. */
    record Audience(Boolean allClients, List<String> clientAccountIds) {
    }

    /** {@code PUT /me/notifications}: {@code mode} OFF, EACH or DIGEST; {@code digestHours} for DIGEST. */
    record NotificationPreferencesBody(io.clientportal.messaging.model.NotificationPreferences.Mode mode,
                                       Integer digestHours) {
    }

    /** {@code POST /saved-replies}. */
    record NewReply(String title, String shortcut, String text) {
    }

    /** {@code PUT /saved-replies/{id}}: the new contents, and the {@code version} of the reply the caller read. */
    record ReplaceReply(String title, String shortcut, String text, Long version) {
    }

    /** {@code GET /conversations/{id}/saved-replies/{replyId}}: the reply filled in for the conversation. */
    record RenderedReply(String text) {
    }

    /** {@code GET /me}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(Actor actor, String displayName, TeamRole role, long unreadTotal, long mentionTotal, Limits limits) {
    }

    /**
     * The limits a user interface names before a call is refused ({@code GET /me}): as
     * {@link io.clientportal.messaging.MessagingLimits} has them, sizes in bytes, the edit window in seconds, the
     * allowed types sorted.
     */
    record Limits(int maxTextLength, long maxAttachmentBytes, int maxAttachmentsPerMessage,
                  List<String> allowedContentTypes, long editWindowSeconds) {

        static Limits of(io.clientportal.messaging.MessagingLimits limits) {
            return new Limits(limits.maxTextLength(), limits.maxAttachmentSize(), limits.maxAttachmentsPerMessage(),
                    limits.allowedContentTypes().stream().sorted().toList(), limits.editWindow().toSeconds());
        }
    }

    /** {@code GET /conversations/{id}/reads}. */
    record ReadReceipts(List<io.clientportal.messaging.model.ReadReceipt> items) {
    }
}

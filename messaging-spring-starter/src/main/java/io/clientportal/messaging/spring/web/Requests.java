package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.TeamRole;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The request and answer bodies of the messaging API that are not model records. */
final class Requests {

    private Requests() {
    }

    /** {@code POST /conversations/{id}/messages}; {@code internal} posts an internal note (absent: a message). */
    record PostMessage(String text, List<AttachmentId> attachmentIds, String clientMessageId, Boolean internal) {
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

    /** {@code POST /announcements}. */
    record SendAnnouncement(Audience audience, String text, List<AttachmentId> attachmentIds, Boolean highlighted) {
    }

    /** Who an announcement goes to: every client, or the listed client accounts. */
    record Audience(Boolean allClients, List<String> clientAccountIds) {
    }

    /** {@code GET /me}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(Actor actor, String displayName, TeamRole role, long unreadTotal) {
    }
}

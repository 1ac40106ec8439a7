package io.clientportal.messaging.internal;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.ReplyTokens;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.InboundReply;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.PostResult;
import io.clientportal.messaging.model.ReplyOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replies by email: the token decides who and where, and the normal post path decides the rest (authorisation in
 * the post's own unit, so who lost access since the email is refused; idempotency by the mail's Message-ID).
 * Attachments go through {@code attachments().upload} like any upload; one it refuses is left out and logged.
 * Refusals are logged without text; the caller answers every sender alike.
 */
final class ReplyReceiver {

    private static final Logger log = LoggerFactory.getLogger(ReplyReceiver.class);
    private static final String KEY_PREFIX = "email:";
    private static final String DEFAULT_FILENAME = "attachment";

    private final ReplyTokens tokens;
    private final Function<String, Messaging> tenants;

    ReplyReceiver(ReplyTokens tokens, Function<String, Messaging> tenants) {
        this.tokens = tokens;
        this.tenants = tenants;
    }

    ReplyOutcome receive(InboundReply reply) {
        Checks.notNull(reply, "reply");
        if (tokens == null) {
            log.warn("Refused a reply by email: no reply tokens are configured");
            return ReplyOutcome.refused();
        }
        Optional<ReplyTokens.Subject> subject = tokens.verify(reply.token());
        if (subject.isEmpty()) {
            log.info("Refused a reply by email: its token is forged, malformed or expired");
            return ReplyOutcome.refused();
        }
        ReplyTokens.Subject who = subject.get();
        String text = ReplyText.strip(reply.text());
        if (text.isEmpty() && reply.attachments().isEmpty()) {
            log.info("Refused a reply by email from {} {} into {}: nothing left to post", who.actor().kind(),
                    who.actor().id(), who.conversationId());
            return ReplyOutcome.refused();
        }
        Messaging messaging;
        try {
            messaging = tenants.apply(who.tenantId());
        } catch (RuntimeException unknownTenant) {
            log.info("Refused a reply by email: its tenant is not valid here");
            return ReplyOutcome.refused();
        }
        try {
            List<AttachmentId> attachments = new ArrayList<>();
            int dropped = 0;
            for (InboundReply.Attachment file : reply.attachments()) {
                try {
                    String name = file.filename() == null || file.filename().isBlank() ? DEFAULT_FILENAME
                            : file.filename();
                    attachments.add(messaging.attachments().upload(who.actor(), name, file.declaredContentType(),
                            new ByteArrayInputStream(file.content())).id());
                } catch (InvalidInputException | LimitExceededException refused) {
                    dropped++;
                    log.info("Left out an attachment of a reply by email from {} {} ({} bytes): {}",
                            who.actor().kind(), who.actor().id(), file.content().length,
                            refused.getClass().getSimpleName());
                }
            }
            if (text.isEmpty() && attachments.isEmpty()) {
                log.info("Refused a reply by email from {} {} into {}: nothing left to post", who.actor().kind(),
                        who.actor().id(), who.conversationId());
                return ReplyOutcome.refused();
            }
            NewMessage message = new NewMessage(text, attachments, KEY_PREFIX + digest(reply.messageId()));
            try {
                PostResult result = messaging.messages().postIdempotent(who.actor(), who.conversationId(), message);
                MessageId id = result.message().id();
                log.info("Reply by email from {} {} into {}: {}", who.actor().kind(), who.actor().id(),
                        who.conversationId(), result.created() ? "posted" : "already posted");
                return new ReplyOutcome(result.created() ? ReplyOutcome.Status.POSTED : ReplyOutcome.Status.DUPLICATE,
                        Optional.of(id), dropped);
            } catch (ConflictException again) {
                // The same mail again, whose attachments were uploaded anew (the fresh uploads expire unused).
                log.info("Reply by email from {} {} into {}: already posted", who.actor().kind(), who.actor().id(),
                        who.conversationId());
                return new ReplyOutcome(ReplyOutcome.Status.DUPLICATE, Optional.empty(), dropped);
            }
        } catch (NotFoundException | AccessDeniedException denied) {
            log.info("Refused a reply by email from {} {} into {}: they may not post there", who.actor().kind(),
                    who.actor().id(), who.conversationId());
            return ReplyOutcome.refused();
        } catch (InvalidInputException | LimitExceededException invalid) {
            log.info("Refused a reply by email from {} {} into {}: {} ({})", who.actor().kind(), who.actor().id(),
                    who.conversationId(), invalid.getClass().getSimpleName(), fieldOf(invalid));
            return ReplyOutcome.refused();
        }
    }

    private static String fieldOf(RuntimeException e) {
        return e instanceof InvalidInputException invalid ? invalid.field() : "limit";
    }

    /** A fixed-length key from any Message-ID (they can be long, and hold characters a key may not). */
    private static String digest(String messageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.strip()
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.InboundReply;
import io.clientportal.messaging.spring.NotificationReplyProperties;
import io.clientportal.messaging.spring.notifications.InboundMailReader;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code POST /notifications/inbound}: a reply to a notification email as raw MIME ({@code message/rfc822}), what
 * a mail provider's inbound route posts. Authenticated by the shared secret in {@value #SECRET_HEADER} (no user
 * login, no CSRF token); a wrong or missing secret answers 401, a body that is not a mail 400, and every
 * authenticated, readable mail 202 Accepted, whether it was posted, a duplicate or refused, so a sender learns
 * nothing (the log tells the operator).
 */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class InboundMailController {

    /** The header that carries the shared secret. */
    static final String SECRET_HEADER = "X-Messaging-Inbound-Secret";
    private static final Logger log = LoggerFactory.getLogger(InboundMailController.class);

    private final Messaging root;
    private final ObjectProvider<InboundMailReader> reader;
    private final ObjectProvider<NotificationReplyProperties> properties;

    InboundMailController(Messaging root, ObjectProvider<InboundMailReader> reader,
                          ObjectProvider<NotificationReplyProperties> properties) {
        this.root = root;
        this.reader = reader;
        this.properties = properties;
    }

    @PostMapping("/notifications/inbound")
    ResponseEntity<Void> inbound(HttpServletRequest request) throws IOException {
        NotificationReplyProperties settings = properties.getIfAvailable();
        String secret = settings == null ? null : settings.getInbound().getSecret();
        if (!matches(secret, request.getHeader(SECRET_HEADER))) {
            log.info("Refused an inbound mail request without the right secret");
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "the inbound secret is missing or wrong");
        }
        long max = settings.getInbound().getMaxSize().toBytes();
        byte[] raw;
        try (InputStream body = request.getInputStream()) {
            raw = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (raw.length > max) {
            throw new LimitExceededException("the mail is larger than " + max + " bytes");
        }
        if (raw.length == 0) {
            throw new InvalidInputException("message", "the body must be a mail (message/rfc822)");
        }
        InboundMailReader mails = reader.getIfAvailable();
        if (mails == null) {
            log.warn("Dropped an inbound mail: replies by email are not configured "
                    + "(messaging.notifications.reply.domain or address-template, and the signing secret)");
            return ResponseEntity.accepted().build();
        }
        Optional<InboundReply> reply;
        try {
            reply = mails.read(raw);
        } catch (InboundMailReader.MalformedMailException e) {
            throw new InvalidInputException("message", "the body is not a readable mail (message/rfc822)");
        }
        reply.ifPresent(r -> root.notifications().receiveReply(r));
        return ResponseEntity.accepted().build();
    }

    /** Constant time; no secret configured matches nothing. */
    private static boolean matches(String expected, String given) {
        if (expected == null || expected.isBlank() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

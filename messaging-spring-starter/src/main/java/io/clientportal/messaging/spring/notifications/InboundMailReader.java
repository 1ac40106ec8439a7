package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.model.InboundReply;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads a reply mail into the core's {@link InboundReply}: the token from the first recipient address of the reply
 * template's shape (the headers {@code To}, {@code Cc}, {@code Delivered-To}, {@code X-Original-To},
 * {@code Envelope-To}), the {@code Message-ID} (a digest of the mail when it has none), the text/plain body
 * (else the HTML one as simple text, quoted blocks left out) and the attached files. Automatic replies (an
 * {@code Auto-Submitted} header other than {@code no}, out-of-office and bounces) are not replies.
 */
public final class InboundMailReader {

    private static final Logger log = LoggerFactory.getLogger(InboundMailReader.class);
    private static final String[] RECIPIENT_HEADERS = {"To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"};
    private static final int MAX_DEPTH = 10;
    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<(script|style|head|blockquote)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    /** The mail could not be read as MIME. */
    public static final class MalformedMailException extends RuntimeException {
        private MalformedMailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ReplyAddresses addresses;
    private final Session session = Session.getInstance(new Properties());

    /** @param addresses what a reply address looks like, and the token in it */
    public InboundMailReader(ReplyAddresses addresses) {
        this.addresses = addresses;
    }

    /**
     * The reply in raw MIME bytes; empty when it is no reply to a notification (no reply address among its
     * recipients, or an automatic reply).
     *
     * @throws MalformedMailException when the bytes are not a readable mail
     */
    public Optional<InboundReply> read(byte[] raw) {
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(raw));
            if (message.getAllHeaders() == null || !message.getAllHeaders().hasMoreElements()) {
                throw new MalformedMailException("the mail has no headers", null);
            }
        } catch (MessagingException e) {
            throw new MalformedMailException("the mail is not readable MIME", e);
        }
        return read(message, raw);
    }

    /**
     * The reply in a mail read from a mailbox; as {@link #read(byte[])}.
     *
     * @throws MalformedMailException when the mail is not readable
     */
    public Optional<InboundReply> read(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return read(message, raw.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new MalformedMailException("the mail is not readable", e);
        }
    }

    private Optional<InboundReply> read(MimeMessage message, byte[] raw) {
        try {
            String auto = message.getHeader("Auto-Submitted", null);
            if (auto != null && !auto.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
                log.info("Ignored an automatic mail to the reply address (Auto-Submitted)");
                return Optional.empty();
            }
            Optional<String> token = token(message);
            if (token.isEmpty()) {
                log.info("Ignored a mail without a reply address among its recipients");
                return Optional.empty();
            }
            String messageId = message.getMessageID();
            if (messageId == null || messageId.isBlank()) {
                messageId = "sha256:" + sha256(raw);
            }
            Body body = new Body();
            walk(message, body, 0);
            String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
            return Optional.of(new InboundReply(token.get(), messageId, text, body.files));
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof MalformedMailException malformed) {
                throw malformed;
            }
            throw new MalformedMailException("the mail is not readable MIME", e);
        }
    }

    private Optional<String> token(MimeMessage message) throws MessagingException {
        for (String header : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                for (Address address : parse(value)) {
                    if (address instanceof InternetAddress internet) {
                        Optional<String> token = addresses.tokenIn(internet.getAddress());
                        if (token.isPresent()) {
                            return token;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Address[] parse(String header) {
        try {
            return InternetAddress.parseHeader(header, false);
        } catch (AddressException e) {
            return new Address[0];
        }
    }

    /** What the parts hold: the first plain and HTML bodies, and the files. */
    private static final class Body {
        String plain;
        String html;
        final List<InboundReply.Attachment> files = new ArrayList<>();
    }

    private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        String filename = filename(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, depth + 1);
            }
        } else if (!attached && part.isMimeType("text/plain")) {
            if (body.plain == null) {
                body.plain = String.valueOf(part.getContent());
            }
        } else if (!attached && part.isMimeType("text/html")) {
            if (body.html == null) {
                body.html = String.valueOf(part.getContent());
            }
        } else if (attached) {
            try (InputStream in = part.getInputStream()) {
                String type = part.getContentType();
                body.files.add(new InboundReply.Attachment(filename,
                        type == null ? null : type.split(";", 2)[0].trim(), in.readAllBytes()));
            }
        }
    }

    private static String filename(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    /** HTML as simple text: quoted blocks, scripts and styles left out, breaks kept, tags dropped. */
    static String htmlToText(String html) {
        String text = HIDDEN.matcher(html).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

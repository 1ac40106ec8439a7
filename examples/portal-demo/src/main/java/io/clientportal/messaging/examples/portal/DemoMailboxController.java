package io.clientportal.messaging.examples.portal;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The Mailbox page's endpoints: what the signed-in person was sent to their demo address (the plain-text part only:
 * the page shows it as text), and a reply to one of those mails, sent through the demo server's SMTP to the mail's
 * {@code Reply-To}, with the original quoted below as mail programs do.
 */
@RestController
class DemoMailboxController {

    /** A mail as the Mailbox page lists it. */
    record MailEntry(String id, String from, String subject, Instant sentAt, String text, boolean canReply) {
    }

    /** The reply form. */
    record ReplyBody(String id, String text) {
    }

    private final GreenMail server;

    DemoMailboxController(GreenMail server) {
        this.server = server;
    }

    @GetMapping("/demo/mailbox")
    List<MailEntry> mailbox(Principal principal) throws MessagingException, IOException {
        List<MailEntry> entries = new ArrayList<>();
        for (MimeMessage mail : mailsOf(principal.getName())) {
            entries.add(new MailEntry(idOf(mail), String.valueOf(InternetAddress.toString(mail.getFrom())),
                    String.valueOf(mail.getSubject()), mail.getSentDate() == null ? Instant.EPOCH
                    : mail.getSentDate().toInstant(), Optional.ofNullable(plainText(mail)).orElse(""),
                    mail.getHeader("Reply-To") != null));
        }
        entries.sort(Comparator.comparing(MailEntry::sentAt).reversed());
        return entries;
    }

    @PostMapping("/demo/mailbox/reply")
    ResponseEntity<Void> reply(Principal principal, @RequestBody ReplyBody body)
            throws MessagingException, IOException {
        if (body == null || body.id() == null || body.text() == null || body.text().isBlank()
                || body.text().length() > 10_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a reply needs the mail's id and a text");
        }
        MimeMessage original = mailsOf(principal.getName()).stream().filter(m -> idOf(m).equals(body.id()))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (original.getHeader("Reply-To") == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "this mail takes no replies");
        }
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(server.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage reply = (MimeMessage) original.reply(false);
        reply.setFrom(new InternetAddress(DemoMail.addressOf(principal.getName())));
        String quoted = Optional.ofNullable(plainText(original)).orElse("").lines().map(line -> "> " + line)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        reply.setText(body.text() + "\n\nOn " + original.getSentDate() + ", "
                + InternetAddress.toString(original.getFrom()) + " wrote:\n" + quoted + "\n", "UTF-8");
        reply.saveChanges();
        // The demo's catch-all: the envelope goes to the replies mailbox; the headers keep the Reply-To address.
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(reply, new Address[]{new InternetAddress(DemoMail.REPLIES_MAILBOX)});
        }
        return ResponseEntity.accepted().build();
    }

    private List<MimeMessage> mailsOf(String personId) {
        String address = DemoMail.addressOf(personId);
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a instanceof InternetAddress internet
                        && internet.getAddress().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String idOf(MimeMessage mail) {
        try {
            String key = String.valueOf(mail.getMessageID());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (MessagingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first text/plain part: the page never renders a mail's HTML. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}

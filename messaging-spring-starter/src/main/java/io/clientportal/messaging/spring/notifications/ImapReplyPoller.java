package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.model.InboundReply;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads replies from an IMAP mailbox (Angus Mail) every poll interval and hands each to
 * {@code Notifications.receiveReply}; a processed mail is deleted (or marked seen), whatever became of it, so a
 * refused one is not read again. A mail that could not be processed (the store failed) stays for the next poll.
 * Several nodes may poll one mailbox: the mail's Message-ID makes a reply seen twice post once.
 */
public class ImapReplyPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapReplyPoller.class);

    /**
     * Where and how to read.
     *
     * @param protocol        {@code imap} or {@code imaps}
     * @param host            the server
     * @param port            {@code null}: the protocol's default
     * @param username        the login
     * @param password        the password
     * @param folder          where replies arrive, e.g. {@code INBOX}
     * @param pollInterval    how often {@link #start()} reads it
     * @param deleteProcessed delete and expunge processed mails; else mark them seen and read only unseen ones
     */
    public record Mailbox(String protocol, String host, Integer port, String username, String password,
                          String folder, Duration pollInterval, boolean deleteProcessed) {

        public Mailbox {
            Objects.requireNonNull(protocol, "protocol must not be null");
            Objects.requireNonNull(host, "host must not be null");
            Objects.requireNonNull(folder, "folder must not be null");
            Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        }
    }

    private final Messaging messaging;
    private final InboundMailReader reader;
    private final Mailbox mailbox;
    private ScheduledExecutorService poller;

    /**
     * @param messaging where replies go ({@code notifications().receiveReply})
     * @param reader    reads the mails
     * @param mailbox   where and how to read
     */
    public ImapReplyPoller(Messaging messaging, InboundMailReader reader, Mailbox mailbox) {
        this.messaging = Objects.requireNonNull(messaging, "messaging must not be null");
        this.reader = Objects.requireNonNull(reader, "reader must not be null");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox must not be null");
    }

    /**
     * Reads the mailbox once, now, on the calling thread (what each poll does; for tests and hosts that schedule
     * it themselves).
     *
     * @return how many mails were processed
     * @throws MessagingException when the mailbox can't be read
     */
    public synchronized int pollNow() throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail." + mailbox.protocol() + ".connectiontimeout", "10000");
        properties.setProperty("mail." + mailbox.protocol() + ".timeout", "30000");
        Session session = Session.getInstance(properties);
        int processed = 0;
        try (Store store = session.getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port() == null ? -1 : mailbox.port(), mailbox.username(),
                    mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            boolean expunge = false;
            try {
                Message[] mails = mailbox.deleteProcessed() ? folder.getMessages()
                        : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message mail : mails) {
                    if (mail.isExpunged() || mail.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    if (process(mail)) {
                        processed++;
                        if (mailbox.deleteProcessed()) {
                            mail.setFlag(Flags.Flag.DELETED, true);
                            expunge = true;
                        } else {
                            mail.setFlag(Flags.Flag.SEEN, true);
                        }
                    }
                }
            } finally {
                folder.close(expunge);
            }
        }
        return processed;
    }

    /** True when the mail is done with (posted, refused or not a reply); false to try again next time. */
    private boolean process(Message mail) {
        try {
            Optional<InboundReply> reply = reader.read(new MimeMessage((MimeMessage) mail));
            reply.ifPresent(r -> messaging.notifications().receiveReply(r));
            return true;
        } catch (InboundMailReader.MalformedMailException e) {
            log.info("Ignored an unreadable mail in the reply mailbox");
            return true;
        } catch (MessagingStoreException e) {
            log.warn("A reply from the mailbox could not be stored; will retry", e);
            return false;
        } catch (MessagingException | RuntimeException e) {
            log.warn("A reply from the mailbox could not be processed; will retry", e);
            return false;
        }
    }

    private void poll() {
        try {
            pollNow();
        } catch (MessagingException | RuntimeException e) {
            log.warn("Reading the reply mailbox {} on {} failed; will retry", mailbox.folder(), mailbox.host(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "messaging-reply-mailbox");
            thread.setDaemon(true);
            return thread;
        });
        long every = mailbox.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = poller;
            poller = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}

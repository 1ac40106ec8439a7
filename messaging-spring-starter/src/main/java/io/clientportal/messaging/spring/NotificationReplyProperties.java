package io.clientportal.messaging.spring;

import io.clientportal.messaging.ReplyTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The {@code messaging.notifications.reply.*} settings: replies to notification emails, posted as the person into
 * the conversation their {@code Reply-To} token names. On when {@code domain} or {@code address-template} is set
 * (and {@code messaging.notifications.signing-secret}, which signs the tokens too).
 */
@ConfigurationProperties("messaging.notifications.reply")
public class NotificationReplyProperties {

    /**
     * The domain that receives replies: notifications then carry {@code Reply-To: reply+<token>@<domain>}. Its
     * mail must reach this application: an inbound route of the mail provider posting to
     * {@code POST {base-path}/notifications/inbound}, or a mailbox the starter polls ({@code imap.*}).
     */
    private String domain;

    /**
     * The reply address with {@code {token}} in it, e.g. {@code replies+{token}@in.portal.example}; overrides
     * {@code domain}. The token is lower-case letters and digits.
     */
    private String addressTemplate;

    /** How long a notification's reply address keeps working. */
    private Duration tokenTtl = ReplyTokens.DEFAULT_TTL;

    /** The inbound endpoint. */
    private final Inbound inbound = new Inbound();

    /** The polled mailbox. */
    private final Imap imap = new Imap();

    /** The address template in effect: {@code address-template}, else {@code reply+{token}@<domain>}; or null. */
    public String effectiveAddressTemplate() {
        if (addressTemplate != null && !addressTemplate.isBlank()) {
            return addressTemplate.trim();
        }
        return domain == null || domain.isBlank() ? null : "reply+{token}@" + domain.trim();
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getAddressTemplate() {
        return addressTemplate;
    }

    public void setAddressTemplate(String addressTemplate) {
        this.addressTemplate = addressTemplate;
    }

    public Duration getTokenTtl() {
        return tokenTtl;
    }

    public void setTokenTtl(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
    }

    public Inbound getInbound() {
        return inbound;
    }

    public Imap getImap() {
        return imap;
    }

    /** {@code POST {base-path}/notifications/inbound}: raw MIME ({@code message/rfc822}) from a mail provider. */
    public static class Inbound {

        /**
         * The shared secret the provider sends in the {@code X-Messaging-Inbound-Secret} header (at least 32
         * characters). Unset: the endpoint answers every request 401.
         */
        private String secret;

        /** The largest mail accepted, attachments included; larger answers 413. */
        private DataSize maxSize = DataSize.ofMegabytes(25);

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }

    /** A mailbox the starter polls for replies (Angus Mail). On when {@code host} is set. */
    public static class Imap {

        /** The IMAP server; unset: no polling. */
        private String host;

        /** Its port; unset: the protocol's default. */
        private Integer port;

        /** {@code imaps} (TLS) or {@code imap}. */
        private String protocol = "imaps";

        /** The mailbox's login. */
        private String username;

        /** The mailbox's password. */
        private String password;

        /** The folder replies arrive in. */
        private String folder = "INBOX";

        /** How often the mailbox is read. */
        private Duration pollInterval = Duration.ofSeconds(30);

        /**
         * Whether processed mails are deleted (expunged); {@code false}: they are only marked seen, and unseen ones
         * are read.
         */
        private boolean deleteProcessed = true;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getProtocol() {
            return protocol;
        }

        public void setProtocol(String protocol) {
            this.protocol = protocol;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFolder() {
            return folder;
        }

        public void setFolder(String folder) {
            this.folder = folder;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public boolean isDeleteProcessed() {
            return deleteProcessed;
        }

        public void setDeleteProcessed(boolean deleteProcessed) {
            this.deleteProcessed = deleteProcessed;
        }
    }
}

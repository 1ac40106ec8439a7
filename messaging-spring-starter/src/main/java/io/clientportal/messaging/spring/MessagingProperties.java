package io.clientportal.messaging.spring;

import io.clientportal.messaging.MessagingBuilder;
import io.clientportal.messaging.MessagingLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import io.clientportal.messaging.WebhookEndpoint;
import io.clientportal.messaging.WebhookPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every {@code messaging.*} setting of the starter. Defaults are the core's {@code DEFAULT_...} constants.
 */
@ConfigurationProperties("messaging")
public class MessagingProperties {

    /** Whether client messaging is switched on at all; {@code false} turns off every part of the starter. */
    private boolean enabled = true;

    /**
     * Where messages are kept: {@code jpa} (the application's database, through its JPA persistence unit) or
     * {@code memory} (lost at every restart; for tests and demos). Unset: {@code jpa} when the application has a
     * DataSource, else {@code memory} with a warning. When {@code jpa} is wanted but can't be configured (no JPA,
     * several entity manager factories and none primary, no transaction manager) startup fails and says why, rather
     * than falling back to memory. Ignored when the application declares its own {@code MessagingStore} bean.
     */
    private StoreType store;

    /**
     * The tenant the REST and SSE API serves when no tenant resolver is configured ({@code messaging.web.tenant.*} or
     * a {@code TenantResolver} bean); unset: the {@code Messaging} bean's own tenant ({@code "default"}).
     */
    private String tenant;

    /** The longest message or announcement text, in characters. */
    private int maxTextLength = MessagingLimits.DEFAULT_MAX_TEXT_LENGTH;

    /** How long after posting an author may edit or delete a message (owners, admins and managers always may). */
    private Duration editWindow = MessagingLimits.DEFAULT_EDIT_WINDOW;

    /** The largest page a history or inbox request may ask for. */
    private int maxPageSize = MessagingLimits.DEFAULT_MAX_PAGE_SIZE;

    /** The most saved replies (the team's reply templates) one tenant may have. */
    private int maxSavedReplies = MessagingLimits.DEFAULT_MAX_SAVED_REPLIES;
    /** The most team members one message may mention (distinct ids; 0 turns mentions off). */
    private int maxMentionsPerMessage = MessagingLimits.DEFAULT_MAX_MENTIONS_PER_MESSAGE;

    /** How many conversations one announcement delivery step writes in one transaction. */
    private int announcementChunkSize = MessagingLimits.DEFAULT_ANNOUNCEMENT_CHUNK_SIZE;

    /** How often expired uploads and old events are cleaned up. */
    private Duration housekeepingInterval = MessagingBuilder.DEFAULT_HOUSEKEEPING_INTERVAL;

    /** The name clients' read receipts (and read events) give the team as a whole. */
    private String teamDisplayName = MessagingBuilder.DEFAULT_TEAM_DISPLAY_NAME;

    /** Event feed settings. */
    private final Events events = new Events();

    /** Announcement delivery across instances. */
    private final Announcements announcements = new Announcements();

    /** Attachment settings. */
    private final Attachments attachments = new Attachments();

    /** Database schema settings of the JPA store. */
    private final Schema schema = new Schema();

    /** REST and SSE API settings. */
    private final Web web = new Web();

    /** Health indicator settings. */
    private final Health health = new Health();

    /** Micrometer observations of the engine's work. */
    private final Observations observations = new Observations();

    /**
     * Webhook endpoints: every committed event of the listed types is POSTed to each, signed (Standard Webhooks),
     * at least once. Every instance of the application must list the same endpoints.
     */
    private final List<Webhook> webhooks = new ArrayList<>();

    /** How webhooks are retried. */
    private final WebhookDelivery webhookDelivery = new WebhookDelivery();

    /** The limits the core enforces, from these properties. */
    public MessagingLimits toLimits() {
        return MessagingLimits.defaults()
                .withMaxTextLength(maxTextLength)
                .withEditWindow(editWindow)
                .withMaxPageSize(maxPageSize)
                .withMaxMentionsPerMessage(maxMentionsPerMessage)
                .withAnnouncementChunkSize(announcementChunkSize)
                .withEventRetention(events.retention)
                .withMaxAttachmentsPerMessage(attachments.maxPerMessage)
                .withMaxAttachmentSize(attachments.maxSize.toBytes())
                .withAllowedContentTypes(attachments.allowedContentTypes)
                .withUnreferencedAttachmentTtl(attachments.unreferencedTtl)
                .withMaxSavedReplies(maxSavedReplies);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The store asked for; {@code null} when unset (then decided by whether there is a DataSource). */
    public StoreType getStore() {
        return store;
    }

    public void setStore(StoreType store) {
        this.store = store;
    }

    /** The single tenant of the API; {@code null} when unset (then the {@code Messaging} bean's). */
    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getTeamDisplayName() {
        return teamDisplayName;
    }

    public void setTeamDisplayName(String teamDisplayName) {
        this.teamDisplayName = teamDisplayName;
    }

    public int getMaxTextLength() {
        return maxTextLength;
    }

    public void setMaxTextLength(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    public Duration getEditWindow() {
        return editWindow;
    }

    public void setEditWindow(Duration editWindow) {
        this.editWindow = editWindow;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public int getMaxSavedReplies() {
        return maxSavedReplies;
    }

    public void setMaxSavedReplies(int maxSavedReplies) {
        this.maxSavedReplies = maxSavedReplies;
    }

    public int getMaxMentionsPerMessage() {
        return maxMentionsPerMessage;
    }

    public void setMaxMentionsPerMessage(int maxMentionsPerMessage) {
        this.maxMentionsPerMessage = maxMentionsPerMessage;
    }

    public int getAnnouncementChunkSize() {
        return announcementChunkSize;
    }

    public void setAnnouncementChunkSize(int announcementChunkSize) {
        this.announcementChunkSize = announcementChunkSize;
    }

    public Duration getHousekeepingInterval() {
        return housekeepingInterval;
    }

    public void setHousekeepingInterval(Duration housekeepingInterval) {
        this.housekeepingInterval = housekeepingInterval;
    }

    public Events getEvents() {
        return events;
    }

    public Announcements getAnnouncements() {
        return announcements;
    }

    public Attachments getAttachments() {
        return attachments;
    }

    public Schema getSchema() {
        return schema;
    }

    public Web getWeb() {
        return web;
    }

    public Health getHealth() {
        return health;
    }

    public Observations getObservations() {
        return observations;
    }

    public List<Webhook> getWebhooks() {
        return webhooks;
    }

    public WebhookDelivery getWebhookDelivery() {
        return webhookDelivery;
    }

    /** The endpoints, as the core takes them. */
    public List<WebhookEndpoint> toWebhookEndpoints() {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook webhook = webhooks.get(i);
            if (webhook.url == null || webhook.url.isBlank()) {
                throw new IllegalStateException("messaging.webhooks[" + i + "].url must be set");
            }
            if (webhook.secret == null || webhook.secret.isBlank()) {
                throw new IllegalStateException("messaging.webhooks[" + i + "].secret must be set");
            }
            String name = webhook.name != null && !webhook.name.isBlank() ? webhook.name : webhook.url;
            endpoints.add(new WebhookEndpoint(name, URI.create(webhook.url), webhook.secret, webhook.events));
        }
        return endpoints;
    }

    /** One webhook endpoint. */
    public static class Webhook {

        /** Where to POST the events (http or https). */
        private String url;

        /**
         * The signing secret: "whsec_" followed by base64 (the Standard Webhooks form), or any other text, whose UTF-8
         * bytes are then the key.
         */
        private String secret;

        /** The event types to send, for example MessagePosted; empty for every type. */
        private Set<String> events = new LinkedHashSet<>();

        /** Names the endpoint's deliveries in the database; the URL when not set. Keep it when the URL moves. */
        private String name;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public Set<String> getEvents() {
            return events;
        }

        public void setEvents(Set<String> events) {
            this.events = events;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** Retries of webhook deliveries. */
    public static class WebhookDelivery {

        /** Attempts before a delivery becomes a dead letter (listed and replayed through Messaging.webhooks()). */
        private int maxAttempts = WebhookPolicy.DEFAULT_MAX_ATTEMPTS;

        /** The wait after the first failed attempt; it doubles after each further one (with jitter). */
        private Duration initialBackoff = WebhookPolicy.DEFAULT_INITIAL_BACKOFF;

        /** The longest wait between attempts. */
        private Duration maxBackoff = WebhookPolicy.DEFAULT_MAX_BACKOFF;

        /** How long one attempt may take. */
        private Duration timeout = WebhookPolicy.DEFAULT_TIMEOUT;

        public WebhookPolicy toPolicy() {
            return new WebhookPolicy(maxAttempts, initialBackoff, maxBackoff, timeout);
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The event feed. */
    public static class Events {

        /** How long events stay in the log; a client resuming from an older event id is told to reload. */
        private Duration retention = MessagingLimits.DEFAULT_EVENT_RETENTION;

        /**
         * How often the relay looks at the log when nothing woke it (on PostgreSQL other instances' commits wake it
         * through LISTEN/NOTIFY; polling is the fallback).
         */
        private Duration pollInterval = MessagingBuilder.DEFAULT_EVENT_POLL_INTERVAL;

        /**
         * How long the relay holds back later events while an earlier position has not committed yet; an event that
         * commits after the wait is still delivered, late.
         */
        private Duration gapTimeout = MessagingBuilder.DEFAULT_EVENT_GAP_TIMEOUT;

        /**
         * How many events a stream (or notifier) may fall behind: a stream further behind ends with a StreamReset
         * whose id resumes where it stopped; a stream catching up is paced by its client and never cut off. At least
         * 1000.
         */
        private int bufferSize = MessagingBuilder.DEFAULT_EVENT_BUFFER_SIZE;

        public int getBufferSize() {
            return bufferSize;
        }

        public void setBufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
        }

        public Duration getGapTimeout() {
            return gapTimeout;
        }

        public void setGapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    /** Which instance delivers an announcement: the one holding its lease, renewed with every chunk. */
    public static class Announcements {

        /**
         * How long an instance's claim on an announcement's delivery lasts without a renewal: the longest another
         * instance waits before taking over from one that died. The same on every instance.
         */
        private Duration lease = MessagingBuilder.DEFAULT_ANNOUNCEMENT_LEASE;

        /** How often each instance looks for announcements no instance delivers (leases run out) and takes them. */
        private Duration sweepInterval = MessagingBuilder.DEFAULT_ANNOUNCEMENT_SWEEP_INTERVAL;

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getSweepInterval() {
            return sweepInterval;
        }

        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }
    }

    /** Uploads and downloads. */
    public static class Attachments {

        /** The directory attachment bytes are kept in; created if missing. */
        private Path storagePath = Path.of("messaging-attachments");

        /** The largest upload. */
        private DataSize maxSize = DataSize.ofBytes(MessagingLimits.DEFAULT_MAX_ATTACHMENT_SIZE);

        /** The most attachments on one message or announcement. */
        private int maxPerMessage = MessagingLimits.DEFAULT_MAX_ATTACHMENTS_PER_MESSAGE;

        /**
         * The content types, as detected from the bytes, that uploads may have. With tika-core on the classpath any
         * type Tika tells from the bytes ({@code text/csv}, {@code video/mp4}, {@code image/heic}, ...), else only the
         * built-in detector's; startup fails on a type the detector can't recognise.
         */
        private Set<String> allowedContentTypes = new LinkedHashSet<>(MessagingLimits.DEFAULT_ALLOWED_CONTENT_TYPES);

        /** How long an upload that no message or announcement references is kept. */
        private Duration unreferencedTtl = MessagingLimits.DEFAULT_UNREFERENCED_ATTACHMENT_TTL;

        public Path getStoragePath() {
            return storagePath;
        }

        public void setStoragePath(Path storagePath) {
            this.storagePath = storagePath;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public int getMaxPerMessage() {
            return maxPerMessage;
        }

        public void setMaxPerMessage(int maxPerMessage) {
            this.maxPerMessage = maxPerMessage;
        }

        public Set<String> getAllowedContentTypes() {
            return allowedContentTypes;
        }

        public void setAllowedContentTypes(Set<String> allowedContentTypes) {
            this.allowedContentTypes = allowedContentTypes;
        }

        public Duration getUnreferencedTtl() {
            return unreferencedTtl;
        }

        public void setUnreferencedTtl(Duration unreferencedTtl) {
            this.unreferencedTtl = unreferencedTtl;
        }
    }

    /** The JPA store's schema. */
    public static class Schema {

        /**
         * When the starter applies the messaging schema scripts at startup: {@code embedded} (only for embedded
         * databases such as H2), {@code always}, or {@code never} (you run {@code MessagingSchema.migrate} or the
         * shipped scripts yourself).
         */
        private SchemaInitialization initialize = SchemaInitialization.EMBEDDED;

        public SchemaInitialization getInitialize() {
            return initialize;
        }

        public void setInitialize(SchemaInitialization initialize) {
            this.initialize = initialize;
        }
    }

    /** Which store keeps the messages. */
    public enum StoreType {
        /** The JPA store, in the application's database. */
        JPA,
        /** The in-memory store: everything is lost at restart. */
        MEMORY
    }

    /** When the schema scripts are applied. */
    public enum SchemaInitialization {
        /** Always, whatever the database. */
        ALWAYS,
        /** Only for embedded databases. */
        EMBEDDED,
        /** Never: the application applies them. */
        NEVER
    }

    /** The REST and SSE API. */
    public static class Web {

        /** Whether the REST and SSE endpoints are served. */
        private boolean enabled = true;

        /** The path every endpoint is under. */
        private String basePath = "/api/messaging";

        /** The largest JSON request body; larger ones are answered 413. */
        private DataSize maxJsonBodySize = DataSize.ofKilobytes(256);

        /** Event stream (SSE) settings. */
        private final Sse sse = new Sse();

        /** Per-actor rate limits of posts and uploads. */
        private final RateLimit rateLimit = new RateLimit();

        /** Spring Security settings of the endpoints. */
        private final Security security = new Security();

        /** Cross-origin requests to the endpoints (CORS); none are allowed unless origins are listed. */
        private final Cors cors = new Cors();

        /** Which tenant a request acts in. */
        private final Tenant tenant = new Tenant();

        /** The OpenAPI document of the API, served at {@code {base-path}/openapi.json}. */
        private final OpenApi openApi = new OpenApi();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }

        public DataSize getMaxJsonBodySize() {
            return maxJsonBodySize;
        }

        public void setMaxJsonBodySize(DataSize maxJsonBodySize) {
            this.maxJsonBodySize = maxJsonBodySize;
        }

        public Sse getSse() {
            return sse;
        }

        public RateLimit getRateLimit() {
            return rateLimit;
        }

        public Security getSecurity() {
            return security;
        }

        public Cors getCors() {
            return cors;
        }

        public Tenant getTenant() {
            return tenant;
        }

        public OpenApi getOpenApi() {
            return openApi;
        }
    }

    /** CORS of the endpoints: answered by the API's own rules, before authentication for preflight requests. */
    public static class Cors {

        /**
         * The origins allowed to call the API from a browser, for example {@code https://app.example.com}; patterns
         * such as {@code https://*.example.com} are allowed. Empty (the default): no cross-origin request is allowed.
         */
        private List<String> allowedOrigins = new ArrayList<>();

        /** The methods cross-origin requests may use. */
        private List<String> allowedMethods = new ArrayList<>(
                List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));

        /** The request headers cross-origin requests may send. */
        private List<String> allowedHeaders = new ArrayList<>(List.of("Authorization", "Content-Type",
                "Idempotency-Key", "Last-Event-ID", "X-XSRF-TOKEN", "X-Requested-With"));

        /** The response headers a cross-origin caller's script may read. */
        private List<String> exposedHeaders = new ArrayList<>(List.of("Retry-After", "Location"));

        /**
         * Whether cross-origin requests may carry cookies (a session). Off by default: cross-origin clients should
         * send a bearer token. Never combined with a {@code *} origin.
         */
        private boolean allowCredentials = false;

        /** How long a browser may cache a preflight answer. */
        private Duration maxAge = Duration.ofMinutes(30);

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public List<String> getAllowedMethods() {
            return allowedMethods;
        }

        public void setAllowedMethods(List<String> allowedMethods) {
            this.allowedMethods = allowedMethods;
        }

        public List<String> getAllowedHeaders() {
            return allowedHeaders;
        }

        public void setAllowedHeaders(List<String> allowedHeaders) {
            this.allowedHeaders = allowedHeaders;
        }

        public List<String> getExposedHeaders() {
            return exposedHeaders;
        }

        public void setExposedHeaders(List<String> exposedHeaders) {
            this.exposedHeaders = exposedHeaders;
        }

        public boolean isAllowCredentials() {
            return allowCredentials;
        }

        public void setAllowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /**
     * Which tenant a request acts in, when one application serves several. At most one of {@code header} and
     * {@code jwt-claim}; neither: every request acts in {@code messaging.tenant}. A {@code TenantResolver} bean
     * replaces both. A request whose tenant can't be resolved is answered 401.
     */
    public static class Tenant {

        /**
         * A request header naming the tenant, for example {@code X-Tenant-Id}. Only for an application behind a
         * gateway that sets it (and strips it from what clients send): the header is trusted as is.
         */
        private String header;

        /** A claim of the caller's JWT naming the tenant, for example {@code tenant_id}. */
        private String jwtClaim;

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }

        public String getJwtClaim() {
            return jwtClaim;
        }

        public void setJwtClaim(String jwtClaim) {
            this.jwtClaim = jwtClaim;
        }
    }

    /** The OpenAPI 3.1 document of the REST and SSE API. */
    public static class OpenApi {

        /** Whether {@code GET {base-path}/openapi.json} serves the document. */
        private boolean enabled = true;

        /**
         * Whether the document may be read without signing in (it describes the API and holds no data). With
         * {@code false} it is secured like every other path under the base path.
         */
        private boolean permitAll = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isPermitAll() {
            return permitAll;
        }

        public void setPermitAll(boolean permitAll) {
            this.permitAll = permitAll;
        }
    }

    /** The {@code GET /events} stream. */
    public static class Sse {

        /** How often a comment line is sent on an idle stream, so proxies keep it open and dead peers are found. */
        private Duration heartbeatInterval = Duration.ofSeconds(15);

        /** How long one stream stays open; the browser's EventSource then reconnects with Last-Event-ID. */
        private Duration timeout = Duration.ofMinutes(30);

        /**
         * How many threads write heartbeats when the application has no task executor (otherwise its task executor
         * writes them); one scheduler thread hands them out and never writes itself.
         */
        private int heartbeatThreads = 1;

        /**
         * On the embedded Tomcat, the size of every connection's socket read and write buffers (Tomcat's
         * {@code socket.appReadBufSize} and {@code socket.appWriteBufSize}); on the embedded Jetty, the size of every
         * connection's request buffer, and responses no longer gather small writes (output aggregation size 0: the
         * gathering buffer, 32 KB, is held by an open stream until it closes). Unset: the container's own, 8 KB. Every
         * open stream holds them; {@code 1KB} makes a stream hold about 21 KB less on Tomcat, 36 KB on Jetty. Applies
         * to every connection of the server, not only the streams' (larger reads and writes pass the buffers by).
         */
        private DataSize socketBufferSize;

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public int getHeartbeatThreads() {
            return heartbeatThreads;
        }

        public void setHeartbeatThreads(int heartbeatThreads) {
            this.heartbeatThreads = heartbeatThreads;
        }

        public DataSize getSocketBufferSize() {
            return socketBufferSize;
        }

        public void setSocketBufferSize(DataSize socketBufferSize) {
            this.socketBufferSize = socketBufferSize;
        }
    }

    /** Per-actor rate limits, answered 429 with Retry-After. */
    public static class RateLimit {

        /** Whether posts and uploads are rate limited. */
        private boolean enabled = true;

        /** Messages and announcements one actor may post per period (also the burst). */
        private int posts = 60;

        /** Uploads one actor may make per period (also the burst). */
        private int uploads = 20;

        /** The period the limits are counted over; allowance refills evenly across it. */
        private Duration period = Duration.ofMinutes(1);

        /**
         * Where the allowances are counted: {@code memory} (this node only; the default, right for one node) or
         * {@code postgresql} (Bucket4j over the application's PostgreSQL {@code DataSource}: the limits hold across
         * every node; needs {@code com.bucket4j:bucket4j_jdk17-postgresql}). Ignored when the application declares
         * its own {@code MessagingRateLimiter} bean.
         */
        private RateLimitStore store = RateLimitStore.MEMORY;

        /** The table of the {@code postgresql} store (created if missing; may be schema-qualified). */
        private String table = "messaging_rate_limit";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getPosts() {
            return posts;
        }

        public void setPosts(int posts) {
            this.posts = posts;
        }

        public int getUploads() {
            return uploads;
        }

        public void setUploads(int uploads) {
            this.uploads = uploads;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        public RateLimitStore getStore() {
            return store;
        }

        public void setStore(RateLimitStore store) {
            this.store = store;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }
    }

    /** Where rate limit allowances are counted. */
    public enum RateLimitStore {
        /** In this node's memory. */
        MEMORY,
        /** In the application's PostgreSQL, shared by every node (Bucket4j). */
        POSTGRESQL
    }

    /** How the endpoints are secured when Spring Security is present. */
    public static class Security {

        /**
         * Whether the starter adds its own filter chain for the base path (authentication required, session logins,
         * bearer JWTs when there is a JwtDecoder or trusted issuers, HTTP Basic when asked for, CSRF for cookie
         * sessions). It does so only while the application declares no SecurityFilterChain of its own; switch it
         * off to leave the paths to your chains in any case.
         */
        private boolean enabled = true;

        /**
         * Whether HTTP Basic authenticates API requests. Off by default: browsers keep Basic credentials and add them
         * to every request, and the password travels with each one; prefer a session login or bearer tokens.
         */
        private boolean basic = false;

        /** Bearer JWTs (OAuth2 resource server), with spring-security-oauth2-resource-server and -jose present. */
        private final Jwt jwt = new Jwt();

        /**
         * The {@code SameSite} attribute of the {@code XSRF-TOKEN} cookie ({@code Lax}, {@code Strict} or
         * {@code None}). The host's session cookie is Boot's: set {@code server.servlet.session.cookie.same-site}.
         */
        private String csrfCookieSameSite = "Lax";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getCsrfCookieSameSite() {
            return csrfCookieSameSite;
        }

        public void setCsrfCookieSameSite(String csrfCookieSameSite) {
            this.csrfCookieSameSite = csrfCookieSameSite;
        }

        public boolean isBasic() {
            return basic;
        }

        public void setBasic(boolean basic) {
            this.basic = basic;
        }

        public Jwt getJwt() {
            return jwt;
        }
    }

    /** How a bearer JWT authenticates a request and names its actor. */
    public static class Jwt {

        /**
         * Whether bearer JWTs authenticate API requests, when the application has a JwtDecoder bean (Boot makes one
         * from {@code spring.security.oauth2.resourceserver.jwt.*}) or {@code issuers} are listed.
         */
        private boolean enabled = true;

        /** The claim whose value is the actor's id (a team member id or a client user id). */
        private String actorIdClaim = "sub";

        /**
         * The claim saying which kind of actor the token is for: {@code team} (a team member) or {@code client} (a
         * client user). Unset, or absent from a token: the kind is looked up in the directory (a known team member,
         * else a client user). A token with any other value is refused (403).
         */
        private String actorKindClaim;

        /**
         * Trusted issuers ({@code iss}): tokens of each are verified with the keys its OpenID discovery document
         * names, fetched on first use; tokens of any other issuer are refused (401). Takes the place of the
         * JwtDecoder bean when set.
         */
        private List<String> issuers = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getActorIdClaim() {
            return actorIdClaim;
        }

        public void setActorIdClaim(String actorIdClaim) {
            this.actorIdClaim = actorIdClaim;
        }

        public String getActorKindClaim() {
            return actorKindClaim;
        }

        public void setActorKindClaim(String actorKindClaim) {
            this.actorKindClaim = actorKindClaim;
        }

        public List<String> getIssuers() {
            return issuers;
        }

        public void setIssuers(List<String> issuers) {
            this.issuers = issuers;
        }
    }

    /** The Actuator health indicator. */
    public static class Health {

        /**
         * How long the event relay may stay behind the log without moving on before health reports it down
         * (stalled) rather than up (busy).
         */
        private Duration relayStallTimeout = Duration.ofMinutes(1);

        public Duration getRelayStallTimeout() {
            return relayStallTimeout;
        }

        public void setRelayStallTimeout(Duration relayStallTimeout) {
            this.relayStallTimeout = relayStallTimeout;
        }
    }

    /** Micrometer observations (timers, spans) of posting, reading, announcement delivery, webhooks and the relay. */
    public static class Observations {

        /**
         * Whether observations carry the tenant as the key value {@code tenant}. Off by default: every tenant is
         * another time series.
         */
        private boolean tenantTag;

        public boolean isTenantTag() {
            return tenantTag;
        }

        public void setTenantTag(boolean tenantTag) {
            this.tenantTag = tenantTag;
        }
    }
}

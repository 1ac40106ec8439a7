-- Client-portal messaging, schema version 12 (PostgreSQL).
-- One row per (tenant, recipient) for unread-message notifications. A post makes a notification due (due_at) in
-- its own unit of work, unless one is pending already; a node claims due rows with a lease (lease_owner,
-- lease_until, as announcements do), so that on several nodes one sends; after the send the row records
-- last_sent_at and covered_until (the newest message it covered) and due_at goes back to null. attempts counts
-- failed sends of the pending notification (backoff). The person's preferences live in the same row:
-- preference_mode (OFF, EACH, DIGEST; null until they choose) and digest_hours.
CREATE TABLE messaging_notification (
    tenant_id      VARCHAR(255)                NOT NULL,
    recipient_kind VARCHAR(16)                 NOT NULL,
    recipient_id   VARCHAR(255)                NOT NULL,
    due_at         TIMESTAMP(6) WITH TIME ZONE,
    last_sent_at   TIMESTAMP(6) WITH TIME ZONE,
    covered_until  TIMESTAMP(6) WITH TIME ZONE,
    attempts       INTEGER DEFAULT 0           NOT NULL,
    lease_owner    VARCHAR(64),
    lease_until    TIMESTAMP(6) WITH TIME ZONE,
    preference_mode VARCHAR(16),
    digest_hours   INTEGER DEFAULT 0           NOT NULL,
    CONSTRAINT messaging_notification_pk PRIMARY KEY (tenant_id, recipient_kind, recipient_id)
);
-- Every node looks for due rows across tenants, earliest first.
CREATE INDEX messaging_notification_due_ix ON messaging_notification (due_at) WHERE due_at IS NOT NULL;

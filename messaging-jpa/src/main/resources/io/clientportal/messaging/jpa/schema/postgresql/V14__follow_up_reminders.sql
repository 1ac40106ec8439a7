-- Client-portal messaging, schema version 14 (PostgreSQL).
-- Follow-up reminders: at most one row per (tenant, conversation), for the team's last visible message while the
-- client has not answered it. A team member's message writes the row (due_at = its time + the configured time,
-- replacing an earlier row); a client's message deletes it; a node claims due rows with a lease (lease_owner,
-- lease_until, as notifications do), sends the reminder, posts the team's note and deletes the row.
CREATE TABLE messaging_reminder (
    tenant_id       VARCHAR(255)                NOT NULL,
    conversation_id UUID                        NOT NULL,
    message_id      UUID                        NOT NULL,
    author_id       VARCHAR(255)                NOT NULL,
    due_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT messaging_reminder_pk PRIMARY KEY (tenant_id, conversation_id)
);
-- Every node looks for due rows across tenants, earliest first.
CREATE INDEX messaging_reminder_due_ix ON messaging_reminder (due_at);

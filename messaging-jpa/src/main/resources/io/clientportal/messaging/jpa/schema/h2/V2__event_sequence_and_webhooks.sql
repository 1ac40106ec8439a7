-- Client-portal messaging, schema version 2 (H2).
-- Event positions come from a sequence instead of one counter row locked until commit: commits no longer queue
-- behind each other, so positions may commit out of order; the core's relay tracks such gaps. The sequence goes on
-- from where the counter stood.
CREATE SEQUENCE messaging_event_position_seq START WITH 1;
ALTER SEQUENCE messaging_event_position_seq RESTART WITH (
    SELECT GREATEST(MAX(c.last_position), COALESCE((SELECT MAX(e.position) FROM messaging_event e), 0)) + 1
    FROM messaging_event_counter c);
DROP TABLE messaging_event_counter;

-- Webhook deliveries, queued in the unit of work of their event: pending until delivered (then deleted) or dead
-- (a dead letter, until replayed). A claim raises attempts and moves next_attempt_at to the lease's end.
CREATE TABLE messaging_webhook_delivery (
    id              UUID                        NOT NULL,
    endpoint        VARCHAR(255)                NOT NULL,
    event_position  BIGINT                      NOT NULL,
    tenant_id       VARCHAR(255)                NOT NULL,
    event_type      VARCHAR(64)                 NOT NULL,
    payload         CHARACTER VARYING(1000000)  NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    dead            BOOLEAN                     NOT NULL,
    attempts        INTEGER                     NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    CONSTRAINT messaging_webhook_delivery_pk PRIMARY KEY (id),
    CONSTRAINT messaging_webhook_delivery_uk UNIQUE (endpoint, event_position)
);
CREATE INDEX messaging_webhook_delivery_due_ix ON messaging_webhook_delivery (dead, next_attempt_at);

-- Client-portal messaging, schema version 10 (H2).
-- The team's saved replies: templates of one tenant. The core validates, orders and caps them (a tenant has a few
-- hundred at most, read whole); the table keeps the id and the shortcut, unique per tenant, which decides between
-- two managers saving the same shortcut at once. version makes updates optimistic (UPDATE ... WHERE version = ?).
CREATE TABLE messaging_saved_reply (
    tenant_id  VARCHAR(255)                NOT NULL,
    id         UUID                        NOT NULL,
    title      VARCHAR(255)                NOT NULL,
    shortcut   VARCHAR(64)                 NOT NULL,
    text       CHARACTER VARYING(1000000)  NOT NULL,
    created_by VARCHAR(255)                NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version    BIGINT                      NOT NULL,
    CONSTRAINT messaging_saved_reply_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT messaging_saved_reply_shortcut_uk UNIQUE (tenant_id, shortcut)
);

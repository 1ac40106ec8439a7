-- Client-portal messaging, schema version 1 (PostgreSQL).
-- Every key starts with tenant_id, except the event log's position: positions are global by contract (the relay
-- tails every tenant's events in one order).

CREATE TABLE messaging_team_member (
    tenant_id    VARCHAR(255) NOT NULL,
    id           VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    CONSTRAINT messaging_team_member_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE messaging_client_account (
    tenant_id VARCHAR(255) NOT NULL,
    id        VARCHAR(255) NOT NULL,
    name      VARCHAR(255) NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    CONSTRAINT messaging_client_account_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE messaging_client_user (
    tenant_id    VARCHAR(255) NOT NULL,
    id           VARCHAR(255) NOT NULL,
    account_id   VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    CONSTRAINT messaging_client_user_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX messaging_client_user_account_ix ON messaging_client_user (tenant_id, account_id, id);

-- activity_at = coalesce(last_message_at, created_at), kept in a column so one plain index serves the inbox order.
CREATE TABLE messaging_conversation (
    tenant_id         VARCHAR(255)             NOT NULL,
    id                UUID                     NOT NULL,
    client_account_id VARCHAR(255)             NOT NULL,
    client_name       VARCHAR(255)             NOT NULL,
    last_seq          BIGINT                   NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_message_at   TIMESTAMP(6) WITH TIME ZONE,
    activity_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT messaging_conversation_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT messaging_conversation_account_uk UNIQUE (tenant_id, client_account_id)
);
CREATE INDEX messaging_conversation_activity_ix ON messaging_conversation (tenant_id, activity_at DESC, id DESC);

CREATE TABLE messaging_participant (
    tenant_id       VARCHAR(255) NOT NULL,
    conversation_id UUID         NOT NULL,
    team_member_id  VARCHAR(255) NOT NULL,
    access          VARCHAR(16)  NOT NULL,
    CONSTRAINT messaging_participant_pk PRIMARY KEY (tenant_id, conversation_id, team_member_id)
);
-- An agent's inbox: their conversations, then ordered by the conversation's activity.
CREATE INDEX messaging_participant_member_ix ON messaging_participant (tenant_id, team_member_id, conversation_id);

CREATE TABLE messaging_message (
    tenant_id         VARCHAR(255)             NOT NULL,
    conversation_id   UUID                     NOT NULL,
    seq               BIGINT                   NOT NULL,
    id                UUID                     NOT NULL,
    author_kind       VARCHAR(16)              NOT NULL,
    author_id         VARCHAR(255)             NOT NULL,
    author_name       VARCHAR(255)             NOT NULL,
    text              TEXT                     NOT NULL,
    highlighted       BOOLEAN                  NOT NULL,
    announcement_id   UUID,
    client_message_id VARCHAR(255),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    edited_at         TIMESTAMP(6) WITH TIME ZONE,
    deleted_at        TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT messaging_message_pk PRIMARY KEY (tenant_id, conversation_id, seq),
    CONSTRAINT messaging_message_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT messaging_message_client_id_uk
        UNIQUE (tenant_id, conversation_id, author_kind, author_id, client_message_id),
    CONSTRAINT messaging_message_announcement_uk UNIQUE (tenant_id, announcement_id, conversation_id)
);

CREATE TABLE messaging_read_horizon (
    tenant_id       VARCHAR(255) NOT NULL,
    conversation_id UUID         NOT NULL,
    reader_kind     VARCHAR(16)  NOT NULL,
    reader_id       VARCHAR(255) NOT NULL,
    last_read_seq   BIGINT       NOT NULL,
    CONSTRAINT messaging_read_horizon_pk PRIMARY KEY (tenant_id, conversation_id, reader_kind, reader_id)
);

CREATE TABLE messaging_announcement (
    tenant_id       VARCHAR(255)             NOT NULL,
    id              UUID                     NOT NULL,
    author_kind     VARCHAR(16)              NOT NULL,
    author_id       VARCHAR(255)             NOT NULL,
    author_name     VARCHAR(255)             NOT NULL,
    text            TEXT                     NOT NULL,
    highlighted     BOOLEAN                  NOT NULL,
    all_clients     BOOLEAN                  NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    target_count    INTEGER                  NOT NULL,
    delivered_count INTEGER                  NOT NULL,
    cursor_id       UUID,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT messaging_announcement_pk PRIMARY KEY (tenant_id, id)
);
-- Housekeeping looks for unfinished deliveries across tenants.
CREATE INDEX messaging_announcement_status_ix ON messaging_announcement (status);

CREATE TABLE messaging_announcement_target (
    tenant_id       VARCHAR(255) NOT NULL,
    announcement_id UUID         NOT NULL,
    conversation_id UUID         NOT NULL,
    CONSTRAINT messaging_announcement_target_pk PRIMARY KEY (tenant_id, announcement_id, conversation_id)
);
CREATE INDEX messaging_announcement_target_conversation_ix
    ON messaging_announcement_target (tenant_id, conversation_id);

-- ordinal keeps the order in which the author listed a message's or an announcement's attachments.
CREATE TABLE messaging_attachment (
    tenant_id       VARCHAR(255)             NOT NULL,
    id              UUID                     NOT NULL,
    filename        VARCHAR(1024)            NOT NULL,
    content_type    VARCHAR(255)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    sha256          VARCHAR(64)              NOT NULL,
    storage_key     VARCHAR(1024)            NOT NULL,
    uploader_kind   VARCHAR(16)              NOT NULL,
    uploader_id     VARCHAR(255)             NOT NULL,
    uploaded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    conversation_id UUID,
    message_id      UUID,
    announcement_id UUID,
    ordinal         INTEGER                  NOT NULL,
    CONSTRAINT messaging_attachment_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX messaging_attachment_message_ix ON messaging_attachment (tenant_id, message_id);
CREATE INDEX messaging_attachment_announcement_ix ON messaging_attachment (tenant_id, announcement_id);
CREATE INDEX messaging_attachment_conversation_ix ON messaging_attachment (tenant_id, conversation_id);
CREATE INDEX messaging_attachment_uploaded_ix ON messaging_attachment (uploaded_at);

-- The transactional outbox. Positions are handed out under the lock of the one counter row, so they commit in
-- position order and a reader never sees a position while a lower one may still commit.
CREATE TABLE messaging_event (
    position        BIGINT                   NOT NULL,
    tenant_id       VARCHAR(255)             NOT NULL,
    type            VARCHAR(64)              NOT NULL,
    conversation_id UUID,
    payload         TEXT                     NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT messaging_event_pk PRIMARY KEY (position)
);
CREATE INDEX messaging_event_created_ix ON messaging_event (created_at);

CREATE TABLE messaging_event_counter (
    id            INTEGER NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT messaging_event_counter_pk PRIMARY KEY (id)
);
INSERT INTO messaging_event_counter (id, last_position) VALUES (1, 0);

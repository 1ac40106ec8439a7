-- Client-portal messaging, schema version 13 (H2).
-- @mentions. A message keeps the ids of the team members it mentions (newline-separated: ids never hold control
-- characters; null when it mentions none). Each mention a member has not read yet is a row of messaging_mention,
-- written with the message and deleted when it stops being unread (read, message deleted, member left, conversation
-- deleted): the member's counts read only their own few rows, by the primary key's member-first prefix.
ALTER TABLE messaging_message ADD COLUMN mentions CHARACTER VARYING(1000000);

CREATE TABLE messaging_mention (
    tenant_id       VARCHAR(255) NOT NULL,
    team_member_id  VARCHAR(255) NOT NULL,
    conversation_id UUID         NOT NULL,
    seq             BIGINT       NOT NULL,
    CONSTRAINT messaging_mention_pk PRIMARY KEY (tenant_id, team_member_id, conversation_id, seq)
);
-- A deleted message's mentions, and a deleted conversation's.
CREATE INDEX messaging_mention_message_ix ON messaging_mention (tenant_id, conversation_id, seq);

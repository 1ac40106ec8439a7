-- Client-portal messaging, schema version 8 (PostgreSQL).
-- Internal notes: messages the team sees in a client's conversation and a client never learns exist. The team's
-- timeline keeps seq (gap-free over messages and notes); clients are given their own gap-free view:
--   internal (message): whether it is a note;
--   client_seq (message): how many messages that are not internal are at or before it: a message's position in
--     the clients' view, or for a note that of the last message before it;
--   last_client_seq, last_client_message_at (conversation): the clients' last seq and last message time;
--   client_countable (conversation): its messages neither deleted nor internal (a client's unread is
--     client_countable - read_count, a client's horizon being a client seq).
-- Before this version there are no notes: the clients' view is the team's, so what exists is copied.
ALTER TABLE messaging_message ADD COLUMN internal BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE messaging_message ADD COLUMN client_seq BIGINT;
UPDATE messaging_message SET client_seq = seq;
ALTER TABLE messaging_message ALTER COLUMN client_seq SET NOT NULL;

ALTER TABLE messaging_conversation ADD COLUMN last_client_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE messaging_conversation ADD COLUMN last_client_message_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE messaging_conversation ADD COLUMN client_countable BIGINT DEFAULT 0 NOT NULL;
UPDATE messaging_conversation SET last_client_seq = last_seq, last_client_message_at = last_message_at,
    client_countable = countable;

-- A client's history pages by client seq (its notes, sharing a message's client seq, are passed over).
CREATE INDEX messaging_message_client_seq_ix ON messaging_message (tenant_id, conversation_id, client_seq);

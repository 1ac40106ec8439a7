-- Client-portal messaging, schema version 6 (PostgreSQL).
-- Unread counts kept as rows are written (ReadStateRows), so that an owner's inbox and unread total cost the same
-- in a tenant of a thousand conversations as in one of a hundred thousand:
--   countable (conversation): its messages not deleted;
--   read_count (horizon): of those, the ones the reader has read (seq <= last_read_seq) or wrote;
--   messaging_tenant_count: the tenant's countable, spread over slot rows summed when read: a unit of work adds to
--     its thread's slot, so units open at the same time don't wait for each other, however long a host keeps its
--     transaction open;
--   messaging_reader_total: the sum of a team member's read counts, in slots the same way.
-- A reader's unread in a conversation is countable - read_count; an owner's over all is the tenant's countable
-- minus their total. What exists is counted once, below.
ALTER TABLE messaging_conversation ADD COLUMN countable BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE messaging_read_horizon ADD COLUMN read_count BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE messaging_tenant_count (
    tenant_id VARCHAR(255) NOT NULL,
    slot      INTEGER      NOT NULL,
    countable BIGINT       NOT NULL,
    CONSTRAINT messaging_tenant_count_pk PRIMARY KEY (tenant_id, slot)
);

CREATE TABLE messaging_reader_total (
    tenant_id   VARCHAR(255) NOT NULL,
    reader_kind VARCHAR(16)  NOT NULL,
    reader_id   VARCHAR(255) NOT NULL,
    slot        INTEGER      NOT NULL,
    read_count  BIGINT       NOT NULL,
    CONSTRAINT messaging_reader_total_pk PRIMARY KEY (tenant_id, reader_kind, reader_id, slot)
);

UPDATE messaging_conversation c SET countable = (SELECT COUNT(*) FROM messaging_message m
    WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.deleted_at IS NULL);

-- An author's messages after their horizon (an announcement's copies) are theirs, so counted as read: they need a
-- horizon row to be counted in.
INSERT INTO messaging_read_horizon (tenant_id, conversation_id, reader_kind, reader_id, last_read_seq, read_count)
SELECT DISTINCT m.tenant_id, m.conversation_id, m.author_kind, m.author_id, 0, 0 FROM messaging_message m
WHERE m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM messaging_read_horizon h WHERE h.tenant_id = m.tenant_id
    AND h.conversation_id = m.conversation_id AND h.reader_kind = m.author_kind AND h.reader_id = m.author_id);

UPDATE messaging_read_horizon h SET read_count = (SELECT COUNT(*) FROM messaging_message m
    WHERE m.tenant_id = h.tenant_id AND m.conversation_id = h.conversation_id AND m.deleted_at IS NULL
    AND (m.seq <= h.last_read_seq OR (m.author_kind = h.reader_kind AND m.author_id = h.reader_id)));

-- Every slot counts toward the sum: what exists goes to slot 0.
INSERT INTO messaging_tenant_count (tenant_id, slot, countable)
SELECT tenant_id, 0, SUM(countable) FROM messaging_conversation GROUP BY tenant_id;

INSERT INTO messaging_reader_total (tenant_id, reader_kind, reader_id, slot, read_count)
SELECT tenant_id, reader_kind, reader_id, 0, SUM(read_count) FROM messaging_read_horizon
WHERE reader_kind = 'TEAM_MEMBER' GROUP BY tenant_id, reader_kind, reader_id;

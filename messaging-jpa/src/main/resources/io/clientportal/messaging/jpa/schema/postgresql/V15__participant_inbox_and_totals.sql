-- Client-portal messaging, schema version 15 (PostgreSQL).
-- An agent's (or watcher's) inbox page and unread total cost the page, not the conversations they take part in:
--   messaging_participant.activity_at: the conversation's activity_at, copied onto its participant rows whenever a
--     seq is taken there (a post, an announcement's chunk) and when the row is added, so that a member's inbox is a
--     range of the index (tenant, member, activity desc, conversation desc), N rows for a page of N;
--   messaging_reader_total.participant_unread: a team member's participant total, in the slot rows of their read
--     total: over the conversations they take part in, countable - read_count. A message counted in a
--     conversation adds 1 for each participant, a participant's read takes off what it read, a delete takes 1 off
--     each participant whose horizon does not reach it, adding or removing a participant adds or takes off what
--     they have unread there.
-- What exists is counted once, below.
ALTER TABLE messaging_participant ADD COLUMN activity_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE messaging_participant p SET activity_at = c.activity_at FROM messaging_conversation c
WHERE c.tenant_id = p.tenant_id AND c.id = p.conversation_id;
ALTER TABLE messaging_participant ALTER COLUMN activity_at SET NOT NULL;

-- The new index starts with (tenant, member): it serves what the one it replaces served.
CREATE INDEX messaging_participant_activity_ix
    ON messaging_participant (tenant_id, team_member_id, activity_at DESC, conversation_id DESC);
DROP INDEX messaging_participant_member_ix;

ALTER TABLE messaging_reader_total ADD COLUMN participant_unread BIGINT DEFAULT 0 NOT NULL;

-- Every slot counts toward the sum: what exists goes to slot 0.
INSERT INTO messaging_reader_total (tenant_id, reader_kind, reader_id, slot, read_count, participant_unread)
SELECT p.tenant_id, 'TEAM_MEMBER', p.team_member_id, 0, 0, SUM(c.countable - COALESCE(h.read_count, 0))
FROM messaging_participant p
JOIN messaging_conversation c ON c.tenant_id = p.tenant_id AND c.id = p.conversation_id
LEFT JOIN messaging_read_horizon h ON h.tenant_id = p.tenant_id AND h.conversation_id = p.conversation_id
    AND h.reader_kind = 'TEAM_MEMBER' AND h.reader_id = p.team_member_id
GROUP BY p.tenant_id, p.team_member_id
ON CONFLICT (tenant_id, reader_kind, reader_id, slot)
    DO UPDATE SET participant_unread = EXCLUDED.participant_unread;

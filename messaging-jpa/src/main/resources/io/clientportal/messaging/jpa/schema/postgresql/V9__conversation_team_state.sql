-- Client-portal messaging, schema version 9 (PostgreSQL).
-- The team's side of a conversation, which clients never see: who handles it (a team member's id, null for
-- nobody), where it stands (OPEN, WAITING on the client, DONE) and when either last changed (null: never).
-- Existing conversations are open and unassigned.
ALTER TABLE messaging_conversation ADD COLUMN assignee_id VARCHAR(255);
ALTER TABLE messaging_conversation ADD COLUMN team_status VARCHAR(16) DEFAULT 'OPEN' NOT NULL;
ALTER TABLE messaging_conversation ADD COLUMN team_changed_at TIMESTAMP(6) WITH TIME ZONE;
-- "Assigned to X" and "unassigned" (assignee_id IS NULL), newest activity first: the inbox walks one assignee's
-- conversations in page order and stops when the page is full; the team status is filtered on the way.
CREATE INDEX messaging_conversation_assignee_ix
    ON messaging_conversation (tenant_id, assignee_id, activity_at DESC, id DESC);
-- "By status", newest activity first, walked the same way.
CREATE INDEX messaging_conversation_team_status_ix
    ON messaging_conversation (tenant_id, team_status, activity_at DESC, id DESC);

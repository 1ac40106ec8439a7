-- Client-portal messaging, schema version 5 (PostgreSQL).
-- A conversation's events are found by its id: when a message is edited or deleted, its earlier events (in the log
-- and in webhook deliveries not yet made) are rewritten to say what the message now says, and when a client
-- account is deleted, its conversation's events are erased. Both are rare, and a scan of one conversation's events
-- through this index is cheap; every append pays for one more index entry (none for the events of no
-- conversation, such as directory changes).
CREATE INDEX messaging_event_conversation_ix ON messaging_event (conversation_id) WHERE conversation_id IS NOT NULL;

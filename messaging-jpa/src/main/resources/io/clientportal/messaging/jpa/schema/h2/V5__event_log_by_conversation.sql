-- Client-portal messaging, schema version 5 (H2).
-- A conversation's events are found by its id: when a message is edited or deleted, its earlier events (in the log
-- and in webhook deliveries not yet made) are rewritten to say what the message now says, and when a client
-- account is deleted, its conversation's events are erased. Both are rare, and a scan of one conversation's events
-- through this index is cheap; every append pays for one more index entry.
CREATE INDEX messaging_event_conversation_ix ON messaging_event (conversation_id);

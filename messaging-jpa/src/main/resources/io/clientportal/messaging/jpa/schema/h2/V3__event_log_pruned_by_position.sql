-- Client-portal messaging, schema version 3.
-- The event log is pruned by position: positions are taken as events are written, so they follow time closely and
-- the cut-off is found by bisecting the primary key. The index on created_at that every append paid for goes.
DROP INDEX IF EXISTS messaging_event_created_ix;

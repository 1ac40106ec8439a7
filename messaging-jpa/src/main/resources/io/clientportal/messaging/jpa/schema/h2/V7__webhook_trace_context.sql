-- Client-portal messaging, schema version 7 (H2).
-- A webhook delivery keeps the W3C trace context (traceparent, tracestate) of the write that produced its event,
-- so the request continues that write's trace however much later it is sent. Null when the write was not traced;
-- the event itself does not keep it (nothing reads it there), so appends without webhooks cost nothing more.
ALTER TABLE messaging_webhook_delivery ADD COLUMN trace_parent VARCHAR(55);
ALTER TABLE messaging_webhook_delivery ADD COLUMN trace_state VARCHAR(512);

-- Client-portal messaging, schema version 11 (PostgreSQL).
-- Full-text search. search_text holds a message's words as the core makes them (SearchWords: runs of letters
-- and digits, lower-cased, cut at 64 characters, separated by single spaces), written with the text and erased
-- with it. The index casts it to a tsvector without PostgreSQL's parser (each word a lexeme, as it is), so a
-- prefix tsquery ('word':*) finds exactly what the other stores find; the parser would keep tokens of its own
-- (alice@example.com, 5e10x) and tell other words than H2 and the in-memory store.
ALTER TABLE messaging_message ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- The messages written before this version, with the same words as far as SQL can tell them ([[:alnum:]] is
-- the database's idea of letters and digits; with a C locale only ASCII ones): they are searchable at once, and an
-- edit writes the core's words.
UPDATE messaging_message SET search_text = btrim(regexp_replace(regexp_replace(lower(text),
    '[^[:alnum:]]+', ' ', 'g'), '([[:alnum:]]{64})[[:alnum:]]+', '\1', 'g'))
    WHERE deleted_at IS NULL AND text <> '';

CREATE INDEX messaging_message_search_ix ON messaging_message
    USING gin ((CAST(search_text AS tsvector)));

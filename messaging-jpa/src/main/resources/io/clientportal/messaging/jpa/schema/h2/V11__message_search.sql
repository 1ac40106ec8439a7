-- Client-portal messaging, schema version 11 (H2).
-- Full-text search. search_text holds a message's words as the core makes them (SearchWords: runs of letters
-- and digits, lower-cased, cut at 64 characters, separated by single spaces), written with the text and erased
-- with it. H2 matches a word prefix with LIKE ' ' || term on ' ' || search_text: a scan of the scope's messages,
-- which is what H2 is for here (development, tests); PostgreSQL has a GIN index instead.
ALTER TABLE messaging_message ADD COLUMN search_text CHARACTER VARYING(1000000) DEFAULT '' NOT NULL;

-- The messages written before this version, with the core's words (H2's regular expressions are Java's).
UPDATE messaging_message SET search_text = TRIM(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(text),
    '[^\p{L}\p{Nd}]+', ' '), '([\p{L}\p{Nd}]{64})[\p{L}\p{Nd}]+', '$1'))
    WHERE deleted_at IS NULL AND text <> '';

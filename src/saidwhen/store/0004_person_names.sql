-- Version 4: the bank follows from what was ingested, not from its order.
-- Every name a person (or body) was given, with how often (a JSON object): the canonical
-- name is chosen from them. Rows stored before this version start from their current name.
ALTER TABLE people ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
-- A surname-only entry ("Teigen") stands for the one full-named person of that surname
-- while there is one: their id here (NULL: for itself).
ALTER TABLE people ADD COLUMN same_as INTEGER;
-- The surname-only entry an occurrence's speaker was named by, so that a namesake coming
-- later can take it back from the person it went to (NULL: named in full).
ALTER TABLE occurrences ADD COLUMN named_id INTEGER;
CREATE INDEX occurrences_named ON occurrences(named_id) WHERE named_id IS NOT NULL;
-- A full name's gender hints with counts (a JSON object): its gender is the most frequent.
ALTER TABLE people ADD COLUMN genders TEXT NOT NULL DEFAULT '{}';

-- Version 4: every name a person (or body) was given, with how often (a JSON object), so
-- that the canonical name follows from what was ingested, not from its order. Rows stored
-- before this version start from their current name.

ALTER TABLE people ADD COLUMN names TEXT NOT NULL DEFAULT '{}';

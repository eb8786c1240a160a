-- Version 2: topic records (reported speech naming what was talked about, not what was said).
-- Occurrences keep the flag of their record; a quote is a topic only while every occurrence
-- is one. Rows stored before this version were never classified: they stay statements (0).

ALTER TABLE occurrences ADD COLUMN topic INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN topic INTEGER NOT NULL DEFAULT 0;

-- Version 6: words passed on by someone else ("Prosecutors say Lazar told an agent, '...'":
-- the speaker is Lazar, reported_by the prosecutors). Per occurrence: the reporter's
-- resolved name, its mention and offsets, its type, and the cue by which it reports.
-- Rows stored before this version read as not reported by anyone (NULL).
ALTER TABLE occurrences ADD COLUMN reported_by TEXT;
ALTER TABLE occurrences ADD COLUMN reported_mention TEXT;
ALTER TABLE occurrences ADD COLUMN reported_start INTEGER;
ALTER TABLE occurrences ADD COLUMN reported_end INTEGER;
ALTER TABLE occurrences ADD COLUMN reported_type TEXT;
ALTER TABLE occurrences ADD COLUMN reported_cue TEXT;
ALTER TABLE occurrences ADD COLUMN reported_cue_start INTEGER;

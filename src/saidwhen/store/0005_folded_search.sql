-- Version 5: search compares words as the bank does. Quotes the bank merges (the same
-- words after saidwhen.normalise: "ß" and "SS", "ﬁ" and "fi", "don't" and "dont") must be
-- found by the same searches, so the index holds each quote's normalised words, not its
-- text; a query's words are normalised alike (store/search.py: fts_query). The store sets
-- the column on every write; normalise() is registered by migrate() for the rows here.
ALTER TABLE quotes ADD COLUMN words TEXT NOT NULL DEFAULT '';
UPDATE quotes SET words = normalise(text);
DROP TRIGGER quotes_ai;
DROP TRIGGER quotes_au;
DROP TRIGGER quotes_ad;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    words, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, words) VALUES (new.id, new.words);
END;
CREATE TRIGGER quotes_au AFTER UPDATE OF words ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, words) VALUES ('delete', old.id, old.words);
    INSERT INTO quotes_fts(rowid, words) VALUES (new.id, new.words);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, words) VALUES ('delete', old.id, old.words);
END;

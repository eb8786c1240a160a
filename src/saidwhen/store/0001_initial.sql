-- The quote bank, version 1. Applied once; later changes go in 0002_*.sql and on.

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- hash of (id or url, content hash): a re-run upserts
    ext_id TEXT,
    url TEXT,
    title TEXT,
    outlet TEXT,
    date TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source TEXT,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    text TEXT                          -- only with --keep-text
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                -- the canonical (longest) name
    first TEXT,
    surname TEXT NOT NULL,
    gender TEXT,
    descriptors TEXT NOT NULL DEFAULT '[]',  -- JSON list
    aliases TEXT NOT NULL DEFAULT '[]',      -- JSON list: every name it was seen under
    n_occurrences INTEGER NOT NULL DEFAULT 0 -- quotes attributed to them, every occurrence
);
CREATE INDEX people_surname ON people(surname);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,                -- the longest form seen
    kind TEXT NOT NULL,
    first_seen TEXT NOT NULL,          -- last seen and counts: from occurrences' index
    speaker_id INTEGER REFERENCES people(id),  -- the most frequent attribution
    n_speakers INTEGER NOT NULL DEFAULT 0      -- more than one: a conflict
);
CREATE INDEX quotes_first_seen ON quotes(first_seen);

-- Every normalised form seen (hash of the text) and the quote it belongs to.
CREATE TABLE quote_keys (
    hash INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL
);

-- Word shingles of each quote's longest form: candidates for near duplicates.
CREATE TABLE shingles (
    hash INTEGER NOT NULL,
    quote_id INTEGER NOT NULL,
    PRIMARY KEY (hash, quote_id)
) WITHOUT ROWID;

-- Who each quote is attributed to (counts: from the occurrences).
CREATE TABLE quote_speakers (
    quote_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    PRIMARY KEY (quote_id, person_id)
) WITHOUT ROWID;
CREATE INDEX quote_speakers_person ON quote_speakers(person_id, quote_id);

CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT,                         -- this article's form, only when it differs
    speaker_id INTEGER,
    mention TEXT,
    cue TEXT,
    cue_start INTEGER,
    channel TEXT,
    said TEXT NOT NULL,                -- when it was said (or the article date)
    when_ TEXT,
    when_start TEXT,
    when_end TEXT,
    when_basis TEXT
);
CREATE INDEX occurrences_quote ON occurrences(quote_id, said);
CREATE INDEX occurrences_said ON occurrences(said);

CREATE TABLE timexes (
    article_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    date TEXT,
    range_start TEXT,
    range_end TEXT,
    granularity TEXT,
    anchor TEXT
);
CREATE INDEX timexes_article ON timexes(article_id);

CREATE TABLE events (
    article_id INTEGER NOT NULL,
    actor TEXT,
    predicate TEXT NOT NULL,
    pred_start INTEGER NOT NULL,
    pred_end INTEGER NOT NULL,
    text TEXT,
    when_ TEXT,
    range_start TEXT,
    range_end TEXT,
    timex INTEGER
);
CREATE INDEX events_article ON events(article_id);

-- Inputs that could not be read, with the reason; a re-run replaces, never duplicates.
CREATE TABLE failures (
    source TEXT NOT NULL,
    line INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (source, line)
);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

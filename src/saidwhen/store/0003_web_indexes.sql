-- Version 3: indexes for the web pages. Indexes only: no data changes.
-- An article's quotes (the article page, the outlet filter):
CREATE INDEX IF NOT EXISTS occurrences_article ON occurrences(article_id);
-- A person's statements with what their page counts (articles, dates, kinds), read
-- from the index alone:
CREATE INDEX IF NOT EXISTS occurrences_speaker
    ON occurrences(speaker_id, topic, said, kind, quote_id, article_id);
-- An article's outlet without reading the article (its row holds the text):
CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet);
-- People by how often they are quoted (the landing page):
CREATE INDEX IF NOT EXISTS people_quoted ON people(n_occurrences);

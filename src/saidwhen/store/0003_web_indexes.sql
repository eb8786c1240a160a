-- Version 3: indexes for the web pages: an article's quotes (article page, outlet filter)
-- and people by how often they are quoted (the landing page). Indexes only: no data changes.

CREATE INDEX IF NOT EXISTS occurrences_article ON occurrences(article_id);
CREATE INDEX IF NOT EXISTS people_quoted ON people(n_occurrences);

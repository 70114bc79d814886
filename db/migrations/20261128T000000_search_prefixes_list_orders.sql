-- Prefix queries of up to five letters (what people type while a word is unfinished) read one
-- doclist from a prefix index instead of merging every word that starts with them. The word
-- indexes are recreated empty; the application refills them on open (index_state is reset).
DROP TABLE quotes_fts;
DROP TABLE sources_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker, note, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');
CREATE VIRTUAL TABLE sources_fts USING fts5 (title, people, publisher, notes, snapshot, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');
DELETE FROM index_state WHERE name = 'search';

-- The library list puts undated and ungraded sources last in both directions. Descending, the
-- plain indexes already give that order (SQLite sorts NULL lowest). Ascending needs the
-- "is missing" flag first in the key, so the first page is read from an index, not sorted.
CREATE INDEX sources_by_published_missing_last ON sources (published_date IS NULL, published_date, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_accessed_missing_last ON sources (accessed_date IS NULL, accessed_date, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_reliability_missing_last ON sources (reliability IS NULL, reliability, num) WHERE deleted_at IS NULL;

-- Counting the sources of one or a few kinds (the list's total under a kind filter) reads this
-- index instead of every row.
CREATE INDEX sources_by_kind ON sources (kind) WHERE deleted_at IS NULL;

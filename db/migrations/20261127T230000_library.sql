-- The evidence library: stable integer keys for search, tags, derived-from links, snapshots,
-- quotes, and the full-text indexes (written by the application, which normalises the text
-- first; rows leave the indexes through the delete triggers below).

-- Sources get an integer rowid alias (num) that VACUUM cannot renumber: the indexes key on it.
CREATE TABLE sources_v2 (
  num            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL CHECK (length(title) > 0),
  kind           TEXT NOT NULL DEFAULT 'other',
  url            TEXT,
  author         TEXT NOT NULL DEFAULT '',
  publisher      TEXT NOT NULL DEFAULT '',
  published_date TEXT,
  accessed_date  TEXT,
  language       TEXT NOT NULL DEFAULT '',
  reliability    TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
) STRICT;
INSERT INTO sources_v2 (id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, created_at, updated_at, deleted_at)
  SELECT id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, created_at, updated_at, deleted_at
  FROM sources ORDER BY created_at, id;
DROP TABLE sources;
ALTER TABLE sources_v2 RENAME TO sources;

-- One index per sort order of the library list, over live rows only.
CREATE INDEX sources_by_updated ON sources (updated_at, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_title ON sources (title COLLATE NOCASE, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_published ON sources (published_date, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_accessed ON sources (accessed_date, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_reliability ON sources (reliability, num) WHERE deleted_at IS NULL;
CREATE INDEX sources_in_trash ON sources (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE tags (
  id         TEXT PRIMARY KEY,
  path       TEXT NOT NULL CHECK (length(path) > 0),
  -- The path lower-cased by the application for every script (NOCASE folds A–Z only).
  path_key   TEXT NOT NULL UNIQUE,
  color      TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE source_tags (
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  tag_id    TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX source_tags_by_tag ON source_tags (tag_id, source_id);

-- "source_id reports on / is derived from origin_id": circular reporting is counted through these.
CREATE TABLE source_derivations (
  source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  origin_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (source_id, origin_id),
  CHECK (source_id <> origin_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX source_derivations_by_origin ON source_derivations (origin_id, source_id);

-- The captured bytes, never modified after capture; their text is what quotes point into.
CREATE TABLE snapshots (
  source_id    TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL,
  media_type   TEXT NOT NULL CHECK (media_type IN ('text/html', 'application/pdf', 'text/plain')),
  size         INTEGER NOT NULL CHECK (size > 0),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  captured_at  TEXT NOT NULL,
  content      BLOB NOT NULL,
  text         TEXT NOT NULL,
  page_offsets TEXT
) STRICT;
CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END;

CREATE TABLE quotes (
  num          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source_id    TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  text         TEXT NOT NULL CHECK (length(text) > 0),
  start_offset INTEGER,
  end_offset   INTEGER,
  page         INTEGER CHECK (page IS NULL OR page > 0),
  paragraph    TEXT NOT NULL DEFAULT '',
  timestamp    TEXT NOT NULL DEFAULT '',
  speaker      TEXT NOT NULL DEFAULT '',
  date_said    TEXT,
  credibility  TEXT CHECK (credibility IS NULL OR credibility IN ('1', '2', '3', '4', '5', '6')),
  verbatim     INTEGER NOT NULL DEFAULT 1 CHECK (verbatim IN (0, 1)),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  CHECK ((start_offset IS NULL) = (end_offset IS NULL)),
  CHECK (start_offset IS NULL OR (start_offset >= 0 AND end_offset > start_offset))
) STRICT;
CREATE INDEX quotes_by_source ON quotes (source_id, start_offset);
CREATE INDEX quotes_by_updated ON quotes (updated_at, num) WHERE deleted_at IS NULL;
CREATE INDEX quotes_in_trash ON quotes (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE quote_tags (
  quote_id TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  tag_id   TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (quote_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quote_tags_by_tag ON quote_tags (tag_id, quote_id);

-- Word search over text normalised by the application (NFKC, CJK runs set apart from Latin
-- words), and CJK runs as overlapping character pairs (a word tokenizer would take a whole
-- run without spaces as one word). Row ids are sources.num and quotes.num.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker, note, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE sources_fts USING fts5 (title, people, publisher, notes, snapshot, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE quotes_cjk USING fts5 (grams, content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE sources_cjk USING fts5 (grams, content = '', contentless_delete = 1);

-- Deleting for good (emptying the trash, or a source taking its quotes along) clears the indexes.
CREATE TRIGGER quotes_leave_indexes AFTER DELETE ON quotes
BEGIN
  DELETE FROM quotes_fts WHERE rowid = old.num;
  DELETE FROM quotes_cjk WHERE rowid = old.num;
END;
CREATE TRIGGER sources_leave_indexes AFTER DELETE ON sources
BEGIN
  DELETE FROM sources_fts WHERE rowid = old.num;
  DELETE FROM sources_cjk WHERE rowid = old.num;
END;

-- Which derived indexes the application has (re)built, by version.
CREATE TABLE index_state (
  name    TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) STRICT;

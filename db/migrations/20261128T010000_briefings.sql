-- Briefings: product types as data (with their templates), briefings with their Lexical body,
-- revisions, images kept as bytes inside the workspace, briefing tags, and a word index.

CREATE TABLE product_types (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) > 0),
  name_key   TEXT NOT NULL UNIQUE,
  -- NULL: no hard limit.
  word_limit INTEGER CHECK (word_limit IS NULL OR word_limit > 0),
  -- JSON array of { heading, cap }: the sections a new briefing of this type starts with.
  sections   TEXT NOT NULL DEFAULT '[]',
  built_in   INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

INSERT INTO product_types (id, name, name_key, word_limit, sections, built_in, created_at) VALUES
  ('briefing', 'Briefing', 'briefing', 1100,
   '[{"heading":"Summary","cap":null},{"heading":"Background","cap":null},{"heading":"Analysis","cap":null},{"heading":"Key Judgements","cap":150}]',
   1, '2026-11-28T00:00:00.000Z'),
  ('assessment', 'Assessment', 'assessment', 3000,
   '[{"heading":"Summary","cap":null},{"heading":"Background","cap":null},{"heading":"Assessment","cap":null},{"heading":"Key Judgements","cap":300}]',
   1, '2026-11-28T00:00:00.000Z'),
  ('in-depth', 'In-depth analysis', 'in-depth analysis', NULL,
   '[{"heading":"Summary","cap":null},{"heading":"Background","cap":null},{"heading":"Analysis","cap":null},{"heading":"Key Judgements","cap":null},{"heading":"Annex","cap":null}]',
   1, '2026-11-28T00:00:00.000Z');

CREATE TABLE briefings (
  num        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  title      TEXT NOT NULL CHECK (length(title) > 0),
  type_id    TEXT NOT NULL REFERENCES product_types (id),
  status     TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'final')),
  author     TEXT NOT NULL DEFAULT '',
  date       TEXT,
  marking    TEXT NOT NULL DEFAULT '',
  summary    TEXT NOT NULL DEFAULT '',
  yardstick  TEXT NOT NULL DEFAULT 'icd203' CHECK (yardstick IN ('icd203', 'phia')),
  -- The Lexical editor state as JSON text, stored as given (a damaged one opens in recovery).
  body       TEXT NOT NULL,
  body_text  TEXT NOT NULL DEFAULT '',
  word_count INTEGER NOT NULL DEFAULT 0,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX briefings_by_updated ON briefings (updated_at, num) WHERE deleted_at IS NULL;
CREATE INDEX briefings_in_trash ON briefings (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE briefing_tags (
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (briefing_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE briefing_revisions (
  num         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('auto', 'status', 'named', 'restore')),
  name        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL,
  body        TEXT NOT NULL,
  body_text   TEXT NOT NULL,
  word_count  INTEGER NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX briefing_revisions_by_briefing ON briefing_revisions (briefing_id, num);

-- Images live inside the workspace as bytes, never as a remote address.
CREATE TABLE briefing_images (
  id          TEXT PRIMARY KEY,
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  media_type  TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  size        INTEGER NOT NULL CHECK (size > 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  content     BLOB NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX briefing_images_by_briefing ON briefing_images (briefing_id);

-- Word search over briefing titles and body text (rowid = briefings.num); live rows only.
CREATE VIRTUAL TABLE briefings_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER briefings_leave_index AFTER DELETE ON briefings
BEGIN
  DELETE FROM briefings_fts WHERE rowid = old.num;
END;

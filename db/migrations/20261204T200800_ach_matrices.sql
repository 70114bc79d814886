-- Analysis of Competing Hypotheses: a matrix of hypotheses against evidence items, each cell
-- rated on Heuer's scale. Items are stored quotes or sources (resolved on every read, so a
-- trashed one shows as such) or free text: an argument, an assumption, an absence of evidence.
-- A matrix may belong to a briefing; deleting the briefing for good keeps the matrix.
CREATE TABLE ach_matrices (
  num         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  briefing_id TEXT REFERENCES briefings (id) ON DELETE SET NULL,
  title       TEXT NOT NULL CHECK (length(title) > 0),
  question    TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ach_matrices_by_briefing ON ach_matrices (briefing_id) WHERE briefing_id IS NOT NULL;

CREATE TABLE ach_hypotheses (
  num       INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  matrix_id TEXT NOT NULL REFERENCES ach_matrices (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  text      TEXT NOT NULL CHECK (length(text) > 0),
  version   INTEGER NOT NULL DEFAULT 1 CHECK (version > 0)
) STRICT;
CREATE INDEX ach_hypotheses_by_matrix ON ach_hypotheses (matrix_id, position);

CREATE TABLE ach_items (
  num                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  matrix_id          TEXT NOT NULL REFERENCES ach_matrices (id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('quote', 'source', 'argument', 'assumption', 'absence')),
  target_id          TEXT,
  text               TEXT NOT NULL DEFAULT '',
  relevance          TEXT NOT NULL DEFAULT 'medium' CHECK (relevance IN ('high', 'medium', 'low')),
  credibility        TEXT CHECK (credibility IS NULL OR credibility IN ('high', 'medium', 'low')),
  credibility_reason TEXT NOT NULL DEFAULT '',
  version            INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK ((kind IN ('quote', 'source')) = (target_id IS NOT NULL)),
  CHECK (kind IN ('quote', 'source') OR length(text) > 0),
  CHECK (credibility IS NULL OR length(credibility_reason) > 0)
) STRICT;
CREATE INDEX ach_items_by_matrix ON ach_items (matrix_id, position);

CREATE TABLE ach_ratings (
  item_id       TEXT NOT NULL REFERENCES ach_items (id) ON DELETE CASCADE,
  hypothesis_id TEXT NOT NULL REFERENCES ach_hypotheses (id) ON DELETE CASCADE,
  rating        TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'I', 'II')),
  PRIMARY KEY (item_id, hypothesis_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ach_ratings_by_hypothesis ON ach_ratings (hypothesis_id);

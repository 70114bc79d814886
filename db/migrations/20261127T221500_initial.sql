-- Sources, settings, and soft deletion into the trash (deleted_at set = in the trash).
CREATE TABLE sources (
  id             TEXT PRIMARY KEY,
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

CREATE INDEX sources_by_updated ON sources (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX sources_in_trash ON sources (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Review comments: threads anchored to a range of a briefing's text. The anchor is a mark in the
-- body (its id is `anchor`), so the text it covers moves with edits; `quote` keeps the words as
-- they were when the thread began, shown if the mark is later deleted with its text.
CREATE TABLE comment_threads (
  num         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  anchor      TEXT NOT NULL,
  quote       TEXT NOT NULL DEFAULT '',
  resolved_at TEXT,
  resolved_by TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at  TEXT NOT NULL,
  UNIQUE (briefing_id, anchor)
) STRICT;

CREATE TABLE comments (
  num        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  thread_id  TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  author     TEXT NOT NULL,
  body       TEXT NOT NULL CHECK (length(body) > 0),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX comments_by_thread ON comments (thread_id, num);

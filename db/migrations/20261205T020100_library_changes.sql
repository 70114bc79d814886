-- The library's change log in a team workspace: one row per field that changed, naming the team
-- user who changed it (a local edit or one merged from the team server), so two analysts' edits
-- to one source can be told apart after they merged. `record_kind` is the library document the
-- record lives in (sources, quotes, tags, tag-links, derivations, snapshots).
CREATE TABLE library_changes (
  num         INTEGER PRIMARY KEY,
  record_kind TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  field       TEXT NOT NULL,
  author      TEXT NOT NULL,
  changed_at  TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT
) STRICT;
CREATE INDEX library_changes_by_record ON library_changes (record_kind, record_id, num);

-- Autosave no longer re-indexes the whole text in its transaction: a briefing whose
-- indexed_version trails its version is indexed before the next search (or when typing pauses).
-- Every existing row starts stale, so the first search also picks up restored revisions, which
-- were never re-indexed before.
ALTER TABLE briefings ADD COLUMN indexed_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX briefings_unindexed ON briefings (num) WHERE indexed_version <> version AND deleted_at IS NULL;

-- Optimistic concurrency for briefings and judgements: every write that replaces user content
-- names the version it started from and is refused when another tab, window or host wrote in
-- between. The body already has `version`; the title block gets its own counter so a metadata
-- save and a body save from the same window never refuse each other.
ALTER TABLE briefings ADD COLUMN meta_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE judgements ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- Snapshots that came inside a container: an MHTML page, or a page picked from a WARC or WACZ
-- web archive. The container's bytes stay in `content` (what the hash attests); these record
-- what the archive's own records say: the address captured (WARC-Target-URI, MHTML's
-- Snapshot-Content-Location) and when (WARC-Date, MHTML's Date), which differ from when the
-- analyst attached it (`captured_at`). NULL for ordinary pages, PDFs and text.
ALTER TABLE snapshots ADD COLUMN archive_format TEXT CHECK (archive_format IN ('mhtml', 'warc', 'wacz'));
ALTER TABLE snapshots ADD COLUMN archived_url TEXT;
ALTER TABLE snapshots ADD COLUMN archived_at TEXT;

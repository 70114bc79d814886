-- Snapshots that came inside a container: an MHTML page, or a page picked from a WARC or WACZ
-- web archive. The container's bytes stay in `content` (what the hash attests); these record
-- what the archive's own records say: the address captured (WARC-Target-URI, MHTML's
-- Snapshot-Content-Location) and when (WARC-Date, MHTML's Date), which differ from when the
-- analyst attached it (`captured_at`). NULL for ordinary pages, PDFs and text.
ALTER TABLE snapshots ADD COLUMN archive_format TEXT CHECK (archive_format IN ('mhtml', 'warc', 'wacz'));
ALTER TABLE snapshots ADD COLUMN archived_url TEXT;
ALTER TABLE snapshots ADD COLUMN archived_at TEXT;

-- The images an MHTML page carries, so the page's pictures can be seen offline. They are parts
-- of the stored MHTML (its hash covers them), copied out once at capture and keyed by the
-- address the page names them by (Content-Location, or `cid:` + Content-ID). Only these stored
-- parts are ever shown; nothing a page references is fetched.
CREATE TABLE snapshot_resources (
  source_id  TEXT NOT NULL REFERENCES snapshots (source_id) ON DELETE CASCADE,
  location   TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  content    BLOB NOT NULL,
  PRIMARY KEY (source_id, location)
) STRICT;
CREATE TRIGGER snapshot_resources_are_immutable BEFORE UPDATE ON snapshot_resources
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END;

-- Several captures per source (a page changes and the analyst captures it again): a snapshot
-- gets its own stable id instead of being keyed by its source, and a source keeps any number.
-- The source's current capture is the latest (captured_at, then num). Every column, CHECK and
-- the immutability trigger are kept; the images of an MHTML capture and the quotes now point
-- at the capture itself.
CREATE TABLE snapshots_rebuilt (
  num            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  source_id      TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  file_name      TEXT NOT NULL,
  media_type     TEXT NOT NULL CHECK (media_type IN ('text/html', 'application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'image/webp')),
  size           INTEGER NOT NULL CHECK (size > 0),
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  captured_at    TEXT NOT NULL,
  content        BLOB NOT NULL,
  text           TEXT NOT NULL,
  page_offsets   TEXT,
  encoding       TEXT,
  text_notice    TEXT CHECK (text_notice IN ('no-text', 'xfa-form', 'xfa-unreadable')),
  ocr            TEXT CHECK (ocr IS NULL OR json_valid(ocr)),
  archive_format TEXT CHECK (archive_format IN ('mhtml', 'warc', 'wacz')),
  archived_url   TEXT,
  archived_at    TEXT
) STRICT;
INSERT INTO snapshots_rebuilt (id, source_id, file_name, media_type, size, sha256, captured_at, content, text, page_offsets, encoding, text_notice, ocr, archive_format, archived_url, archived_at)
  SELECT lower(hex(randomblob(16))), source_id, file_name, media_type, size, sha256, captured_at, content, text, page_offsets, encoding, text_notice, ocr, archive_format, archived_url, archived_at
  FROM snapshots ORDER BY captured_at, source_id;
-- The ids take the UUID form new captures get (before the immutability trigger exists).
UPDATE snapshots_rebuilt
  SET id = substr(id, 1, 8) || '-' || substr(id, 9, 4) || '-4' || substr(id, 14, 3) || '-' || substr('89ab', 1 + (unicode(substr(id, 17, 1)) % 4), 1) || substr(id, 18, 3) || '-' || substr(id, 21, 12);
CREATE INDEX snapshots_by_source ON snapshots_rebuilt (source_id, captured_at, num);

CREATE TABLE snapshot_resources_rebuilt (
  snapshot_id TEXT NOT NULL REFERENCES snapshots_rebuilt (id) ON DELETE CASCADE,
  location    TEXT NOT NULL,
  media_type  TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  content     BLOB NOT NULL,
  PRIMARY KEY (snapshot_id, location)
) STRICT;
INSERT INTO snapshot_resources_rebuilt (snapshot_id, location, media_type, content)
  SELECT sn.id, r.location, r.media_type, r.content FROM snapshot_resources r JOIN snapshots_rebuilt sn ON sn.source_id = r.source_id;

-- The resources go first: with foreign keys on, dropping the snapshots would cascade into them.
DROP TABLE snapshot_resources;
DROP TABLE snapshots;
ALTER TABLE snapshots_rebuilt RENAME TO snapshots;
ALTER TABLE snapshot_resources_rebuilt RENAME TO snapshot_resources;
CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END;
CREATE TRIGGER snapshot_resources_are_immutable BEFORE UPDATE ON snapshot_resources
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END;

-- The capture a quote was cut from (or that was current when it was written). A capture that
-- quotes point into cannot be removed, so a quote never points at nothing.
ALTER TABLE quotes ADD COLUMN snapshot_id TEXT REFERENCES snapshots (id);
UPDATE quotes SET snapshot_id = (SELECT sn.id FROM snapshots sn WHERE sn.source_id = quotes.source_id);
CREATE INDEX quotes_by_snapshot ON quotes (snapshot_id) WHERE snapshot_id IS NOT NULL;

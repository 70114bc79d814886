-- Image snapshots (screenshots, photographed documents) whose text is read with OCR. The media
-- type check is part of the table, so the table is rebuilt with the image types added; `ocr`
-- holds, for an image, the languages read, the mean confidence, the image size and each word's
-- place in the text and in the image (JSON), so a quote cut from the text knows its region.
CREATE TABLE snapshots_rebuilt (
  source_id    TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL,
  media_type   TEXT NOT NULL CHECK (media_type IN ('text/html', 'application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'image/webp')),
  size         INTEGER NOT NULL CHECK (size > 0),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  captured_at  TEXT NOT NULL,
  content      BLOB NOT NULL,
  text         TEXT NOT NULL,
  page_offsets TEXT,
  encoding     TEXT,
  text_notice  TEXT CHECK (text_notice IN ('no-text', 'xfa-form', 'xfa-unreadable')),
  ocr          TEXT CHECK (ocr IS NULL OR json_valid(ocr))
) STRICT;
INSERT INTO snapshots_rebuilt (source_id, file_name, media_type, size, sha256, captured_at, content, text, page_offsets, encoding, text_notice)
  SELECT source_id, file_name, media_type, size, sha256, captured_at, content, text, page_offsets, encoding, text_notice FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_rebuilt RENAME TO snapshots;
CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END;

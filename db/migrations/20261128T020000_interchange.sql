-- Library interchange: the identifiers BibTeX, RIS and CSL-JSON carry, kept beside each source
-- so that exports give them back and imports can recognise a work they already hold.
ALTER TABLE sources ADD COLUMN doi TEXT;
ALTER TABLE sources ADD COLUMN isbn TEXT;

-- DOIs compare case-insensitively; only live sources take part in duplicate checks.
CREATE INDEX sources_by_doi ON sources (lower(doi)) WHERE doi IS NOT NULL AND deleted_at IS NULL;

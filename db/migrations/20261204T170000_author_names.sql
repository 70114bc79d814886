-- Structured author names (CSL's family, given, particles, suffix; or a literal for an
-- organisation) as a JSON list, when an import knew them, so exports can write `Family, Given`
-- instead of one-piece names. The `author` text stays what the UI shows and search reads; the
-- names are only used while they still spell it.
ALTER TABLE sources ADD COLUMN author_names TEXT;

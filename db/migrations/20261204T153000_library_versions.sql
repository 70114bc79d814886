-- Optimistic concurrency for the library and the settings: every edit carries the version it
-- started from, and an edit from an older version is refused instead of overwriting another
-- tab's, window's or program's change. Existing records start at version 1.
ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quotes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tags ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Settings are key → value rows sharing one version counter; each row remembers the version that
-- last changed it, so an edit conflicts only when a setting it writes changed since it loaded.
ALTER TABLE settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE settings_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO settings_version (id, version) VALUES (1, 1);

-- A workspace joined to a team (issue 19): the binding to the team server, and the workspace's own
-- copy of the team's Yjs documents, so that everything works offline and merges on reconnect.

-- At most one team per workspace. The token is the team server's session token: it stays in the
-- host (the page never sees it), and a workspace sent to someone else carries it, which is why
-- "Export a solo copy" drops this row.
CREATE TABLE team_binding (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer', 'reader')),
  token      TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  joined_at  TEXT NOT NULL
) STRICT;

-- The merged state of each document as last folded, and how many changes made here the team
-- server has not yet acknowledged (what the status shows as "waiting").
CREATE TABLE team_documents (
  name       TEXT PRIMARY KEY,
  state      BLOB NOT NULL,
  waiting    INTEGER NOT NULL DEFAULT 0 CHECK (waiting >= 0),
  stored_at  TEXT NOT NULL
) STRICT;

-- Every update applied since the last fold, appended before it is acknowledged to anyone, so a
-- crash loses nothing; folded into team_documents.state now and then.
CREATE TABLE team_document_updates (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  update_bytes BLOB NOT NULL
) STRICT;
CREATE INDEX team_document_updates_by_name ON team_document_updates (name, id);

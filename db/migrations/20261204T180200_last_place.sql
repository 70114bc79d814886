-- Where the analyst last was in this workspace (a route and a caret, JSON checked against
-- LastPlaceSchema when read), so a restart opens the briefing being written. One row at most.
CREATE TABLE last_place (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value TEXT NOT NULL
) STRICT;

-- Key Assumptions Check: a register of the assumptions a briefing's judgements rest on (ICD 203
-- standard 3 asks that assumptions be told apart from information and judgements). A caveated
-- assumption must say its caveat; `wrong_if` is a JSON array of lines saying what would show it
-- wrong. Deleting the briefing for good takes its register with it.
CREATE TABLE assumptions (
  num         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  rationale   TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status IN ('solid', 'caveated', 'unsupported')),
  caveat      TEXT NOT NULL DEFAULT '',
  wrong_if    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(wrong_if) AND json_type(wrong_if) = 'array'),
  version     INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (status <> 'caveated' OR length(caveat) > 0)
) STRICT;
CREATE INDEX assumptions_by_briefing ON assumptions (briefing_id, position);

-- Which key judgements rest on which assumption. A judgement in the trash keeps its links (they
-- come back with it) but is left out of every read.
CREATE TABLE assumption_judgements (
  assumption_id TEXT NOT NULL REFERENCES assumptions (id) ON DELETE CASCADE,
  judgement_id  TEXT NOT NULL REFERENCES judgements (id) ON DELETE CASCADE,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (assumption_id, judgement_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX assumption_judgements_by_judgement ON assumption_judgements (judgement_id);

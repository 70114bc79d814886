-- Key judgements: records bound to blocks of a briefing's Key Judgements section, their evidence
-- links, the change log analysts keep for them (ICD 203), an index of what each briefing body
-- cites (for back-links), and the judgements captured with each revision.

CREATE TABLE judgements (
  num         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  statement   TEXT NOT NULL DEFAULT '',
  -- A term key of the briefing's yardstick (checked by the application, which knows the scales).
  likelihood  TEXT,
  confidence  TEXT CHECK (confidence IS NULL OR confidence IN ('high', 'moderate', 'low')),
  rationale   TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE INDEX judgements_by_briefing ON judgements (briefing_id, position) WHERE deleted_at IS NULL;
CREATE INDEX judgements_in_trash ON judgements (deleted_at) WHERE deleted_at IS NOT NULL;

-- The linked quote or source has no foreign key: deleted for good, it shows as missing and the
-- analyst decides what to do with the link.
CREATE TABLE evidence_links (
  num          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  judgement_id TEXT NOT NULL REFERENCES judgements (id) ON DELETE CASCADE,
  target_kind  TEXT NOT NULL CHECK (target_kind IN ('quote', 'source')),
  target_id    TEXT NOT NULL,
  stance       TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  UNIQUE (judgement_id, target_kind, target_id)
) STRICT;
CREATE INDEX evidence_links_by_target ON evidence_links (target_kind, target_id);

-- One row per editing session of a judgement; `changes` is a JSON array of { field, from, to }.
CREATE TABLE judgement_changes (
  num          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  judgement_id TEXT NOT NULL REFERENCES judgements (id) ON DELETE CASCADE,
  analyst      TEXT NOT NULL DEFAULT '',
  started_at   TEXT NOT NULL,
  ended_at     TEXT NOT NULL,
  changes      TEXT NOT NULL
) STRICT;
CREATE INDEX judgement_changes_by_judgement ON judgement_changes (judgement_id, num);

-- What each briefing body cites, rebuilt with every body save (back-links read it).
CREATE TABLE briefing_citations (
  briefing_id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('quote', 'source')),
  target_id   TEXT NOT NULL,
  PRIMARY KEY (briefing_id, target_kind, target_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX briefing_citations_by_target ON briefing_citations (target_kind, target_id);

INSERT OR IGNORE INTO briefing_citations (briefing_id, target_kind, target_id)
  SELECT b.id, json_extract(t.value, '$.targetKind'), json_extract(t.value, '$.targetId')
  FROM briefings b, json_tree(CASE WHEN json_valid(b.body) THEN b.body ELSE '{}' END) t
  WHERE t.type = 'object' AND json_extract(t.value, '$.type') = 'citation'
    AND json_extract(t.value, '$.targetKind') IN ('quote', 'source')
    AND typeof(json_extract(t.value, '$.targetId')) = 'text';

-- The briefing's judgements and their links when the revision was taken (JSON); NULL for
-- revisions older than judgements, which restore the text alone.
ALTER TABLE briefing_revisions ADD COLUMN judgements TEXT;

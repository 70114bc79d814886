-- Indicators and signposts: what would be observed if a key judgement or an ACH hypothesis were
-- true (or false), when it was seen and on what evidence, and when to look again. An indicator
-- belongs to exactly one judgement or one hypothesis and goes with it when that is deleted for
-- good; a judgement in the trash hides its indicators until it is restored. The evidence, like a
-- judgement's evidence link, has no foreign key: purged, it shows as missing.
CREATE TABLE indicators (
  num           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  judgement_id  TEXT REFERENCES judgements (id) ON DELETE CASCADE,
  hypothesis_id TEXT REFERENCES ach_hypotheses (id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('if_true', 'if_false')),
  text          TEXT NOT NULL CHECK (length(text) > 0),
  -- Calendar days (YYYY-MM-DD): a review is due on a day, not at an instant.
  review_on     TEXT NOT NULL CHECK (length(review_on) = 10),
  seen_on       TEXT CHECK (seen_on IS NULL OR length(seen_on) = 10),
  evidence_kind TEXT CHECK (evidence_kind IS NULL OR evidence_kind IN ('quote', 'source')),
  evidence_id   TEXT,
  notes         TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((judgement_id IS NULL) <> (hypothesis_id IS NULL)),
  CHECK ((seen_on IS NULL) = (evidence_id IS NULL)),
  CHECK ((evidence_kind IS NULL) = (evidence_id IS NULL))
) STRICT;
CREATE INDEX indicators_by_judgement ON indicators (judgement_id) WHERE judgement_id IS NOT NULL;
CREATE INDEX indicators_by_hypothesis ON indicators (hypothesis_id) WHERE hypothesis_id IS NOT NULL;
CREATE INDEX indicators_by_review ON indicators (review_on);

-- A key judgement may cite an ACH matrix, naming the hypothesis it supports, so the judgement and
-- the matrix are one argument (the tradecraft check compares them). One citation per judgement;
-- deleting the matrix or the hypothesis removes the citation. `version` guards a change of the
-- citation against another tab's change (0, no row, is "cites nothing").
CREATE TABLE judgement_matrix_citations (
  judgement_id  TEXT PRIMARY KEY REFERENCES judgements (id) ON DELETE CASCADE,
  matrix_id     TEXT NOT NULL REFERENCES ach_matrices (id) ON DELETE CASCADE,
  hypothesis_id TEXT NOT NULL REFERENCES ach_hypotheses (id) ON DELETE CASCADE,
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at    TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX judgement_matrix_citations_by_matrix ON judgement_matrix_citations (matrix_id);
CREATE INDEX judgement_matrix_citations_by_hypothesis ON judgement_matrix_citations (hypothesis_id);

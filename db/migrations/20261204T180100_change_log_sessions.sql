-- A judgement's change log groups edits by the editing session that made them, not by the clock:
-- `session` is the id the editor sends with each save (NULL: a caller without one, such as a
-- test or a script; such edits are never folded into another entry). `kind` keeps a restore and
-- a yardstick change as entries of their own, and `note` says which revision was restored.
ALTER TABLE judgement_changes ADD COLUMN session TEXT;
ALTER TABLE judgement_changes ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'restore', 'yardstick'));
ALTER TABLE judgement_changes ADD COLUMN note TEXT NOT NULL DEFAULT '';

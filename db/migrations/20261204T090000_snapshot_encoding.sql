-- The encoding an HTML or text capture was read in: a page saved as its server sent it may be
-- GB18030 or Shift_JIS and says so only in its own markup. Older captures were all UTF-8 or
-- UTF-16 with a byte-order mark, and stay NULL ("not recorded").
ALTER TABLE snapshots ADD COLUMN encoding TEXT;
